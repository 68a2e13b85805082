package dev.cotangent.optim;

import dev.cotangent.AD;
import dev.cotangent.Linalg;
import dev.cotangent.Tensor;
import dev.cotangent.optim.Ravel;
import dev.cotangent.tensor.NDArray;
import java.util.Map;
import java.util.function.Function;

/**
 * Newton's method x ← x − [∇²f(x)]⁻¹ ∇f(x), with the derivatives from AD: either the exact Hessian
 * ({@link AD#hessian}, forward-over-reverse) and a dense solve ({@link Linalg#cholesky} when the Hessian is
 * positive definite, {@link Linalg#solve} otherwise), or Newton–CG, which solves the Newton system by
 * conjugate gradients on Hessian-vector products ({@link AD#hvp}) and never forms the Hessian. Near a
 * non-degenerate minimiser the errors fall quadratically, e_{k+1} ≈ C e_k².
 */
public final class Newton {
    private Newton() {}

    /** One full Newton step for f on a 1-d tensor x (exact Hessian, Cholesky, or LU if it is not definite). */
    public static Tensor step(Function<Tensor, Tensor> f, Tensor x) {
        requireVector(x);
        Tensor g = AD.grad(f).apply(x);
        return move(x, direction(AD.hessian(f).apply(x), g), 1.0);
    }

    /** One Newton–CG step: CG on v ↦ ∇²f(x)v to relative residual {@code relTol} (at most x.size() iterations). */
    public static Tensor cgStep(Function<Tensor, Tensor> f, Tensor x, double relTol) {
        requireVector(x);
        double[] g = AD.grad(f).apply(x).toArray();
        ConjugateGradient.Result r = ConjugateGradient.solve(
                // CG updates its direction array in place, so the tensor gets a copy (arrays handed to wrap must
                // never change: BLAS may keep an off-heap copy of an array it reads often)
                v -> AD.hvp(f, x, Tensor.from(NDArray.of(x.dims(), v))).toArray(), g, relTol, x.size());
        return move(x, r.x(), 1.0);
    }

    /**
     * A damped Newton step: the Newton direction (exact Hessian) with a backtracking Armijo step length, which
     * makes the method converge from far away too; near the minimiser the full step is accepted.
     */
    public static Tensor dampedStep(Function<Tensor, Tensor> f, Tensor x) {
        requireVector(x);
        var vg = AD.valueAndGrad(f, x);
        double[] g = vg.grad().toArray();
        double[] d = direction(AD.hessian(f).apply(x), vg.grad());
        double slope = -Lbfgs.dot(g, d);
        if (slope >= 0) { // the Hessian is not positive definite here: use the gradient
            d = g;
            slope = -Lbfgs.dot(g, g);
        }
        double f0 = vg.value().item();
        for (double a = 1.0; a > 1e-12; a *= 0.5) {
            Tensor xa = move(x, d, a);
            double fa = f.apply(xa).item();
            if (fa <= f0 + 1e-4 * a * slope) return xa;
        }
        return x;
    }

    /** A full Newton step on a parameter tree, seen as one flat vector. */
    public static Map<String, Tensor> step(Function<Map<String, Tensor>, Tensor> f, Map<String, Tensor> params) {
        Tensor x = Tensor.of(Ravel.flatten(params));
        Tensor next = step(flat -> f.apply(Ravel.unflatten(flat, params)), x);
        return Ravel.unflatten(next.toArray(), params);
    }

    /**
     * The Newton direction H⁻¹g: by Cholesky (of H's lower triangle) when H is positive definite, else by LU with
     * partial pivoting; a singular H is LU's {@link ArithmeticException}.
     */
    static double[] direction(Tensor h, Tensor g) {
        try {
            return Linalg.choleskySolve(Linalg.cholesky(h), g).toArray();
        } catch (ArithmeticException notPositiveDefinite) {
            return Linalg.solve(h, g).toArray();
        }
    }

    private static Tensor move(Tensor x, double[] d, double a) {
        double[] v = x.toArray();
        for (int i = 0; i < v.length; i++) v[i] -= a * d[i];
        return Tensor.from(NDArray.wrap(x.dims(), v));
    }

    private static void requireVector(Tensor x) {
        if (x.rank() != 1) {
            throw new IllegalArgumentException("Newton: x of shape " + x.dims() + "; give a 1-d tensor (or a parameter"
                    + " tree, which is flattened)");
        }
    }
}
