package dev.cotangent.bench.sparse;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.SparseMatrix;
import dev.cotangent.Tensor;
import dev.cotangent.gradbench.Reprojection;
import dev.cotangent.sparse.SparseJacobian;
import dev.cotangent.sparse.SparseOptions;
import dev.cotangent.sparse.SparsePlan;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The bundle-adjustment Jacobian of the gradbench ba eval (PROTOCOL.md), compressed ({@code AD.sparseJacobian})
 * against dense ({@code AD.jacobian}, which picks forward mode here: 3p outputs &gt; 11n + 3m + p inputs). The
 * residual vector [e_0 (2), …, e_{p−1} (2), w_err_0, …, w_err_{p−1}] is written with Ops on all parameters raveled
 * into one vector (11n camera parameters, then 3m point coordinates, then p weights), so its rows and columns are
 * the eval's CSR layout. gradbench's {@code Ba} computes the blocks per observation under vmap and has no function
 * of a flat vector, hence this copy of the residual. The data is ba1's one camera, point, weight and feature
 * (shared/data/gradbench/ba.json), replicated as the eval does (observation i: camera i mod n, point i mod m).
 * Before timing, the compressed matrix is checked against the dense one entry by entry (within 1e-12 relative, and
 * the dense one zero outside the pattern). ba1 itself (p = 31,843) is run compressed only: its dense Jacobian is
 * 95,529 × 55,710 doubles (42.6 GB).
 * <p>Run: {@code java -Xmx8g -cp cotangent-bench/target/benchmarks.jar dev.cotangent.bench.sparse.BaSparse}.
 */
public final class BaSparse {
    private BaSparse() {}

    /** ba1's input: camera, point, weight, feature. */
    static final double[] CAM = {-0.758453, -1.109613, -0.845551, 34.556073, 39.676747, 53.881673, 419.194514,
        5.864426, -8.51887, 0.087812, 0.002739};
    static final double[] X = {7.203245, 0.001144, 3.023326};
    static final double W = 0.417022;
    static final double[] FEAT = {271.760969, 834.209256};

    record Size(String name, int n, int m, int p, boolean dense) {
        int inputs() {
            return 11 * n + 3 * m + p;
        }
    }

    public static void main(String[] args) {
        List<Size> sizes = List.of(new Size("small (replicated ba1 data)", 5, 100, 400, true),
                new Size("middle (replicated ba1 data)", 10, 300, 1500, true),
                new Size("ba1, the smallest public workload", 49, 7776, 31843, false));
        List<String> rows = new ArrayList<>();
        for (Size s : sizes) rows.add(run(s));
        System.out.println();
        System.out.println("| workload | n, m, p | J | non-zeros | colours | compressed | dense | dense ÷ compressed | allocated: compressed / dense |");
        System.out.println("|---|---|---|---:|---|---:|---:|---:|---|");
        rows.forEach(System.out::println);
    }

    /** The flat parameter vector: n copies of the camera, m of the point, p of the weight. */
    static Tensor params(Size s) {
        double[] v = new double[s.inputs()];
        for (int c = 0; c < s.n(); c++) System.arraycopy(CAM, 0, v, 11 * c, 11);
        for (int j = 0; j < s.m(); j++) System.arraycopy(X, 0, v, 11 * s.n() + 3 * j, 3);
        for (int i = 0; i < s.p(); i++) v[11 * s.n() + 3 * s.m() + i] = W;
        return Tensor.from(NDArray.of(v));
    }

    /** The residual vector [3p] as a function of the flat parameters [11n + 3m + p]. */
    static Function<Tensor, Tensor> residual(Size s) {
        int n = s.n();
        int m = s.m();
        int p = s.p();
        int[][] idx = new int[14][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < 11; j++) idx[j][i] = 11 * (i % n) + j;
            for (int j = 0; j < 3; j++) idx[11 + j][i] = 11 * n + 3 * (i % m) + j;
        }
        Tensor f0 = Tensor.scalar(FEAT[0]);
        Tensor f1 = Tensor.scalar(FEAT[1]);
        return x -> {
            Tensor[] c = new Tensor[15];
            for (int j = 0; j < 14; j++) c[j] = Ops.take(x, idx[j], 0);
            c[14] = Ops.slice(x, 0, 11 * n + 3 * m, 11 * n + 3 * m + p);
            Tensor[] e = Reprojection.residual(c, f0, f1);
            Tensor pairs = Ops.stack(1, e[0], e[1]).reshape(2 * p);
            return Ops.concat(0, pairs, Tensor.scalar(1).sub(c[14].mul(c[14])));
        };
    }

    private static String run(Size s) {
        Function<Tensor, Tensor> f = residual(s);
        Tensor x = params(s);
        Object[] keep = new Object[1];
        SparseJacobian sj = new SparseJacobian(f, SparseOptions.defaults());
        Measure plan = Measure.of(() -> sj.plan(Shape.of(s.inputs())), keep);
        SparsePlan pl = (SparsePlan) keep[0];
        Measure first = Measure.of(() -> sj.apply(x), keep);
        SparseMatrix j = (SparseMatrix) keep[0];
        checkKnown(s, j);
        double steady = Measure.medianSeconds(() -> sj.apply(x), 2, 7);
        double fOnly = Measure.medianSeconds(() -> f.apply(x), 1, 7);
        Measure one = Measure.of(() -> sj.apply(x), keep);
        keep[0] = null;
        System.out.printf(Locale.ROOT, "%s: n = %d, m = %d, p = %d, J %d × %d, %d non-zeros (max %d a row), %s "
                + "colouring: %d colours%n", s.name(), s.n(), s.m(), s.p(), 3 * s.p(), s.inputs(), j.nonZeros(),
                pl.pattern().maxRowCount(), pl.coloring().kind(), pl.products());
        System.out.printf(Locale.ROOT, "  detection + colouring %.0f ms; compressed: first call %.1f ms, then %.2f ms "
                + "(median of 7 after 2 s of warm-up) = %.1f × f (%.3f ms); allocated %s per call%n",
                plan.seconds() * 1e3, first.seconds() * 1e3, steady * 1e3, steady / fOnly, fOnly * 1e3,
                Measure.mib(one.allocated()));
        String dense = "infeasible: " + String.format(Locale.ROOT, "%.1f GB", 8.0 * 3 * s.p() * s.inputs() / 1e9)
                + " of doubles; skipped";
        String ratio = "–";
        String alloc = Measure.mib(one.allocated()) + " / –";
        if (s.dense()) {
            Function<Tensor, Tensor> jf = AD.jacobian(f);
            Measure d = Measure.of(() -> jf.apply(x), keep);
            int bitEqual = check(j, ((Tensor) keep[0]).value());
            keep[0] = null;
            double[] t = new double[3];
            long allocated = 0;
            for (int r = 0; r < t.length; r++) {
                Measure dr = Measure.of(() -> jf.apply(x), keep);
                keep[0] = null;
                t[r] = dr.seconds();
                allocated = dr.allocated();
            }
            java.util.Arrays.sort(t);
            System.out.printf(Locale.ROOT, "  dense AD.jacobian (forward, %d JVPs batched): first %.2f s, median of 3 "
                    + "%.3f s; allocated %s; compressed = dense within 1e-12 (%d of %d entries bit for bit)%n",
                    s.inputs(), d.seconds(), t[1], Measure.mib(allocated), bitEqual, j.nonZeros());
            dense = String.format(Locale.ROOT, "%.0f ms (forward mode, %,d JVPs batched)", t[1] * 1e3, s.inputs());
            ratio = String.format(Locale.ROOT, "%.0f", t[1] / steady);
            alloc = Measure.mib(one.allocated()) + " / " + Measure.mib(allocated);
        }
        return String.format(Locale.ROOT, "| %s | %d, %d, %,d | %,d × %,d | %,d | %d (%s; lower bound %d) | "
                + "%.1f ms | %s | %s | %s |", s.name(), s.n(), s.m(), s.p(), 3 * s.p(), s.inputs(), j.nonZeros(),
                pl.products(), pl.coloring().kind(), pl.pattern().maxRowCount(), steady * 1e3, dense, ratio, alloc);
    }

    /**
     * The pattern is the eval's less its two explicit zeros an observation: 14 entries in each reprojection row (e_0
     * does not depend on v0, nor e_1 on u0, which the eval's CSR lists as zeros), one in each weight row.
     */
    private static void checkKnown(Size s, SparseMatrix j) {
        if (j.rows() != 3 * s.p() || j.columns() != s.inputs() || j.nonZeros() != 29 * s.p()) {
            throw new AssertionError(s.name() + ": pattern " + j.rows() + " × " + j.columns() + " with "
                    + j.nonZeros() + " non-zeros, expected " + 29 * s.p());
        }
        double want = -2 * W;
        if (j.get(3 * s.p() - 1, s.inputs() - 1) != want) {
            throw new AssertionError(s.name() + ": d w_err / d w = " + j.get(3 * s.p() - 1, s.inputs() - 1));
        }
    }

    /**
     * Every entry of the CSR matrix equals the dense one within 1e-12 relative, and the dense one is 0 elsewhere;
     * returns how many are equal bit for bit.
     */
    private static int check(SparseMatrix s, NDArray dense) {
        double[] d = dense.unsafeData();
        int n = s.columns();
        int[] rp = s.rowPointers();
        int[] ci = s.columnIndices();
        double[] v = s.values();
        int bits = 0;
        for (int i = 0; i < s.rows(); i++) {
            int k = rp[i];
            for (int j = 0; j < n; j++) {
                double e = d[i * n + j];
                if (k < rp[i + 1] && ci[k] == j) {
                    if (Math.abs(e - v[k]) > 1e-12 * Math.max(1, Math.abs(e))) {
                        throw new AssertionError("entry (" + i + ", " + j + ") is " + v[k] + ", dense " + e);
                    }
                    if (e == v[k]) bits++;
                    k++;
                } else if (e != 0) {
                    throw new AssertionError("dense entry (" + i + ", " + j + ") = " + e + " is outside the pattern");
                }
            }
        }
        return bits;
    }
}
