package dev.cotangent.gradbench;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.VjpOf;
import java.util.Arrays;
import java.util.List;

/**
 * ba: bundle adjustment's reprojection residuals, written for one observation (11 camera parameters, a 3-d point,
 * a weight and the observed feature, each a 0-d tensor) and vectorised over all p observations with {@code vmap}.
 * The Jacobian is block-sparse (each residual pair depends on its observation's 15 parameters only), so the blocks
 * are computed per observation by reverse mode (2 outputs &lt; 15 inputs: one recording, two pullbacks, i.e. jacrev
 * on a tree of 15 scalars), vmapped over all observations in one batched pass; the weight rows' derivatives by
 * {@code vmap(grad(1 − w²))}. The blocks are laid out as the CSR matrix the eval asks for. The replicated data is expanded to n cameras, m points and p
 * observations, and every observation is computed (the replication is not exploited).
 */
final class Ba implements Eval {
    @Override
    public String name() {
        return "ba";
    }

    @Override
    public List<String> functions() {
        return List.of("objective", "jacobian");
    }

    /** The replicated problem: cameras [n, 11], points [m, 3], weights [p], features [p, 2], and who observes what. */
    record Problem(int n, int m, int p, Tensor cams, Tensor points, Tensor weights, Tensor features, int[] camOf,
                   int[] pointOf) {
        /**
         * Each observation's 15 parameters (11 of its camera, 3 of its point, its weight) and its feature's 2
         * coordinates, one vector over the observations each: [p] × 17.
         */
        Tensor[] columns() {
            Tensor[] c = new Tensor[17];
            for (int j = 0; j < 11; j++) c[j] = Ops.take(Ops.slice(cams, 1, j, j + 1).reshape(n), camOf, 0);
            for (int j = 0; j < 3; j++) c[11 + j] = Ops.take(Ops.slice(points, 1, j, j + 1).reshape(m), pointOf, 0);
            c[14] = weights;
            c[15] = Ops.slice(features, 1, 0, 1).reshape(p);
            c[16] = Ops.slice(features, 1, 1, 2).reshape(p);
            return c;
        }
    }

    static Tensor weightError(Tensor w) {
        return Tensor.scalar(1).sub(w.mul(w));
    }

    /** The residuals [p, 2] and the weight errors [p]. */
    static Tensor[] objective(Problem p) {
        Tensor e = AD.vmap((Tensor[] o) -> Ops.stack(0, Reprojection.residual(Arrays.copyOf(o, 15), o[15], o[16])), p.columns());
        return new Tensor[] {e, weightError(p.weights())};
    }

    /** The CSR Jacobian: row pointers, columns and values for all 3p rows. */
    record Csr(int[] rows, int[] cols, double[] vals) {}

    /**
     * One observation's 2 × 15 Jacobian block by reverse mode, row-major as 30 0-d tensors: the residual is
     * recorded once and pulled back along each of its two outputs.
     */
    static Tensor[] block(Tensor[] o) {
        Tensor f0 = o[15];
        Tensor f1 = o[16];
        VjpOf<Tensor[], Tensor[]> r = AD.vjp((Tensor[] x) -> Reprojection.residual(x, f0, f1), Arrays.copyOf(o, 15));
        Tensor one = Tensor.scalar(1);
        Tensor zero = Tensor.scalar(0);
        Tensor[] rows = new Tensor[30];
        System.arraycopy(r.pullback(new Tensor[] {one, zero}), 0, rows, 0, 15);
        System.arraycopy(r.pullback(new Tensor[] {zero, one}), 0, rows, 15, 15);
        return rows;
    }

    static Csr jacobian(Problem p) {
        Tensor[] blocks = AD.vmap(Ba::block, p.columns());                                           // 30 × [p]
        Tensor dw = AD.vmap(AD.grad(Ba::weightError)).apply(p.weights());                            // [p]
        double[][] b = new double[30][];
        for (int j = 0; j < 30; j++) b[j] = blocks[j].toArray();
        double[] d = dw.toArray();
        int obs = p.p();
        int[] rows = new int[3 * obs + 1];
        int[] cols = new int[31 * obs];
        double[] vals = new double[31 * obs];
        int at = 0;
        for (int i = 0; i < obs; i++) {
            int cam = 11 * p.camOf()[i];
            int point = 11 * p.n() + 3 * p.pointOf()[i];
            int weight = 11 * p.n() + 3 * p.m() + i;
            for (int row = 0; row < 2; row++) {
                rows[2 * i + row] = at;
                for (int j = 0; j < 15; j++) {
                    cols[at + j] = j < 11 ? cam + j : j < 14 ? point + j - 11 : weight;
                    vals[at + j] = b[row * 15 + j][i];
                }
                at += 15;
            }
        }
        for (int i = 0; i < obs; i++) {
            rows[2 * obs + i] = at;
            cols[at] = 11 * p.n() + 3 * p.m() + i;
            vals[at++] = d[i];
        }
        rows[3 * obs] = at;
        return new Csr(rows, cols, vals);
    }

    @Override
    public Prepared<?> prepare(String function, In input) {
        int n = input.field("n").integer(1);
        int m = input.field("m").integer(1);
        int p = input.field("p").integer(1);
        double[] cam = input.field("cam").doubles(11, "angle-axis 3, centre 3, focal 1, principal point 2, radial 2");
        double[] x = input.field("x").doubles(3, "a 3-d point");
        double w = input.field("w").number();
        double[] feat = input.field("feat").doubles(2, "an image point");
        double[] cams = new double[11 * n];
        for (int i = 0; i < n; i++) System.arraycopy(cam, 0, cams, 11 * i, 11);
        double[] points = new double[3 * m];
        for (int i = 0; i < m; i++) System.arraycopy(x, 0, points, 3 * i, 3);
        double[] features = new double[2 * p];
        int[] camOf = new int[p];
        int[] pointOf = new int[p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(feat, 0, features, 2 * i, 2);
            camOf[i] = i % n;
            pointOf[i] = i % m;
        }
        Problem problem = new Problem(n, m, p, Tensor.of(new int[] {n, 11}, cams), Tensor.of(new int[] {m, 3}, points),
                Tensor.full(w, p), Tensor.of(new int[] {p, 2}, features), camOf, pointOf);
        return switch (function) {
            case "objective" -> Prepared.of(() -> objective(problem), (r, out) -> {
                double[] e = r[0].toArray();
                out.startObject().field("reproj_error").startObject().field("elements").array(e, 0, 2)
                        .field("repeated").integer(p).endObject();
                out.field("w_err").startObject().field("element").number(r[1].toArray()[0])
                        .field("repeated").integer(p).endObject().endObject();
            });
            case "jacobian" -> Prepared.of(() -> jacobian(problem), (r, out) -> {
                out.startObject();
                out.field("rows").ints(firstAndLast(r.rows()));
                out.field("cols").ints(firstAndLast(r.cols()));
                double[] v = r.vals();
                out.field("vals").startArray();
                for (int i = 0; i < Math.min(30, v.length - 1); i++) out.number(v[i]);
                out.number(v[v.length - 1]).endArray();
                out.endObject();
            });
            default -> throw unknownFunction(function);
        };
    }

    /** The first 30 entries and the last one, as the eval asks (the whole array if it is shorter). */
    private static int[] firstAndLast(int[] a) {
        int head = Math.min(30, a.length - 1);
        int[] out = new int[head + 1];
        System.arraycopy(a, 0, out, 0, head);
        out[head] = a[a.length - 1];
        return out;
    }
}
