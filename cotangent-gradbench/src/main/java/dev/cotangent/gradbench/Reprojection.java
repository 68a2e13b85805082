package dev.cotangent.gradbench;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;

/**
 * The reprojection error of bundle adjustment (GradBench's ba eval): a camera's Rodrigues rotation, translation,
 * projection and radial distortion applied to a point, minus the observed feature, times the observation's
 * weight. Shared by the ba eval and the sparse-Jacobian benchmark.
 */
public final class Reprojection {
    private Reprojection() {}

    /** a × b of 3-vectors given as their components (0-d tensors). */
    private static Tensor[] cross(Tensor[] a, Tensor[] b) {
        return new Tensor[] {a[1].mul(b[2]).sub(a[2].mul(b[1])), a[2].mul(b[0]).sub(a[0].mul(b[2])),
            a[0].mul(b[1]).sub(a[1].mul(b[0]))};
    }

    /**
     * The two weighted reprojection residuals of one observation from its 15 parameters x (camera 0–10, point
     * 11–13, weight 14) and its feature (f0, f1), all 0-d tensors: under vmap each is one vector over the
     * observations, so every op is elementwise on vectors of one shape.
     */
    public static Tensor[] residual(Tensor[] x, Tensor f0, Tensor f1) {
        Tensor[] r = {x[0], x[1], x[2]};
        Tensor[] v = {x[11].sub(x[3]), x[12].sub(x[4]), x[13].sub(x[5])};
        Tensor theta2 = r[0].mul(r[0]).add(r[1].mul(r[1])).add(r[2].mul(r[2]));
        Tensor atZero = Ops.eq(theta2, Tensor.scalar(0));
        Tensor theta = Ops.where(atZero, Tensor.scalar(1), theta2).sqrt();
        Tensor[] w = {r[0].div(theta), r[1].div(theta), r[2].div(theta)};
        Tensor cos = theta.cos();
        Tensor sin = theta.sin();
        Tensor wv = w[0].mul(v[0]).add(w[1].mul(v[1])).add(w[2].mul(v[2])).mul(Tensor.scalar(1).sub(cos));
        Tensor[] wxv = cross(w, v);
        Tensor[] rxv = cross(r, v);
        Tensor[] y = new Tensor[3];
        for (int i = 0; i < 3; i++) {
            Tensor rotated = v[i].mul(cos).add(wxv[i].mul(sin)).add(w[i].mul(wv));
            y[i] = Ops.where(atZero, v[i].add(rxv[i]), rotated);
        }
        Tensor q0 = y[0].div(y[2]);
        Tensor q1 = y[1].div(y[2]);
        Tensor rho = q0.mul(q0).add(q1.mul(q1));
        Tensor scale = x[6].mul(rho.mul(x[9]).add(rho.mul(rho).mul(x[10])).add(1));
        Tensor e0 = q0.mul(scale).add(x[7]).sub(f0).mul(x[14]);
        Tensor e1 = q1.mul(scale).add(x[8]).sub(f1).mul(x[14]);
        return new Tensor[] {e0, e1};
    }
}
