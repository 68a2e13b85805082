package dev.cotangent.bench.sparse;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.SparseMatrix;
import dev.cotangent.Tensor;
import dev.cotangent.sparse.SparseHessian;
import dev.cotangent.sparse.SparseJacobian;
import dev.cotangent.sparse.SparseOptions;
import dev.cotangent.sparse.SparsePlan;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * Compressed against dense derivatives, the README's "Sparse Jacobians and Hessians" table:
 * <ul>
 *   <li>a banded Jacobian, y_i = x_i² + Σ_{|k| ≤ 5} w_k tanh(x_{i+k}) (half-bandwidth 5: 11 non-zeros a row), and</li>
 *   <li>a 2-D Laplacian-style Hessian on a k×k grid, f = Σ_edges log(1 + (x_p − x_q)²) + Σ x_p⁴ / 12 (5 non-zeros a
 *       row),</li>
 * </ul>
 * each for n = 10⁴ by default (arguments: n for the band, k for the grid; {@code --no-dense} skips the dense
 * runs). Before timing, the compressed matrix is checked against the dense one entry by entry (equal bit for bit,
 * and the dense one zero outside the pattern). Run with a large heap: the dense 10⁴ × 10⁴ results and their
 * batched intermediates take gigabytes ({@code java -Xmx14g -cp benchmarks.jar dev.cotangent.bench.sparse.SparseReport}).
 */
public final class SparseReport {
    private SparseReport() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        boolean dense = !java.util.Arrays.asList(args).contains("--no-dense");
        banded(n, dense);
        laplacian(k, dense);
    }

    static Function<Tensor, Tensor> band(int n, int b) {
        double[] w = new double[2 * b + 1];
        for (int s = -b; s <= b; s++) w[s + b] = 1.0 / (1 + Math.abs(s));
        return x -> {
            Tensor t = x.tanh();
            Tensor y = x.square();
            for (int s = -b; s <= b; s++) {
                Tensor shifted = s == 0 ? t : s > 0
                        ? Ops.pad(Ops.slice(t, 0, s, n), new int[] {0}, new int[] {s})
                        : Ops.pad(Ops.slice(t, 0, 0, n + s), new int[] {-s}, new int[] {0});
                y = y.add(shifted.mul(w[s + b]));
            }
            return y;
        };
    }

    static Function<Tensor, Tensor> grid(int k) {
        return x -> {
            Tensor g = Ops.reshape(x, k, k);
            Tensor dx = Ops.slice(g, new int[] {1, 0}, new int[] {k, k}).sub(Ops.slice(g, new int[] {0, 0}, new int[] {k - 1, k}));
            Tensor dy = Ops.slice(g, new int[] {0, 1}, new int[] {k, k}).sub(Ops.slice(g, new int[] {0, 0}, new int[] {k, k - 1}));
            return dx.square().log1p().sum().add(dy.square().log1p().sum()).add(x.square().square().sum().div(12));
        };
    }

    private static void banded(int n, boolean dense) {
        Function<Tensor, Tensor> f = band(n, 5);
        Tensor x = Tensor.from(NDArray.uniform(new Random(1), -1, 1, n));
        Object[] keep = new Object[1];
        SparseJacobian sj = new SparseJacobian(f, SparseOptions.defaults());
        Measure plan = Measure.of(() -> sj.plan(Shape.of(n)), keep);
        SparsePlan p = sj.plan(Shape.of(n));
        Measure first = Measure.of(() -> sj.apply(x), keep);
        SparseMatrix j = (SparseMatrix) keep[0];
        double steady = Measure.medianSeconds(() -> sj.apply(x), 3, 9);
        double fOnly = Measure.medianSeconds(() -> f.apply(x), 2, 9);
        Measure one = Measure.of(() -> sj.apply(x), keep);
        System.out.printf(Locale.ROOT, "banded Jacobian, n = %d, |i-j| <= 5: %d non-zeros, %s colouring: %d products "
                + "(lower bound %d)%n", n, p.pattern().nonZeros(), p.coloring().kind(), p.products(),
                p.pattern().maxRowCount());
        System.out.printf(Locale.ROOT, "  detection + colouring %.1f ms; compressed: first call %.1f ms, then %.2f ms "
                + "(median of 9 after 3 s of warm-up) = %.1f × f (%.3f ms); allocated %s per call, peak heap %s; "
                + "result %s (CSR)%n", plan.seconds() * 1e3, first.seconds() * 1e3, steady * 1e3, steady / fOnly,
                fOnly * 1e3, Measure.mib(one.allocated()), Measure.mib(one.peakHeap()), Measure.mib(csrBytes(j)));
        if (dense) {
            Function<Tensor, Tensor> jf = AD.jacobian(f);
            Measure d = Measure.of(() -> jf.apply(x), keep);
            check(j, ((Tensor) keep[0]).value(), "banded");
            keep[0] = null;
            Measure d2 = Measure.of(() -> jf.apply(x), keep);
            keep[0] = null;
            System.out.printf(Locale.ROOT, "  dense AD.jacobian (reverse, %d VJPs batched): %.2f s, %.2f s; allocated %s, "
                    + "peak heap %s; result %s; compressed = dense bit for bit%n", n, d.seconds(), d2.seconds(),
                    Measure.mib(d2.allocated()), Measure.mib(d2.peakHeap()), Measure.mib(8L * n * n));
        }
    }

    private static void laplacian(int k, boolean dense) {
        int n = k * k;
        Function<Tensor, Tensor> f = grid(k);
        Tensor x = Tensor.from(NDArray.uniform(new Random(2), -1, 1, n));
        Object[] keep = new Object[1];
        for (SparseOptions.Mode mode : new SparseOptions.Mode[] {SparseOptions.Mode.STAR, SparseOptions.Mode.FORWARD}) {
            SparseHessian sh = new SparseHessian(f, SparseOptions.defaults().mode(mode));
            Measure plan = Measure.of(() -> sh.plan(Shape.of(n)), keep);
            SparsePlan p = sh.plan(Shape.of(n));
            Measure first = Measure.of(() -> sh.apply(x), keep);
            SparseMatrix h = (SparseMatrix) keep[0];
            double steady = Measure.medianSeconds(() -> sh.apply(x), 3, 9);
            double fOnly = Measure.medianSeconds(() -> f.apply(x), 2, 9);
            Measure one = Measure.of(() -> sh.apply(x), keep);
            System.out.printf(Locale.ROOT, "Laplacian-style Hessian, %d×%d grid, n = %d: %d non-zeros, %s colouring: "
                    + "%d HVPs%n", k, k, n, p.pattern().nonZeros(), p.coloring().kind(), p.products());
            System.out.printf(Locale.ROOT, "  detection + colouring %.1f ms; compressed: first call %.1f ms, then %.2f "
                    + "ms (median of 9 after 3 s of warm-up) = %.1f × f (%.3f ms); allocated %s per call, peak heap %s; "
                    + "result %s (CSR)%n", plan.seconds() * 1e3, first.seconds() * 1e3, steady * 1e3, steady / fOnly,
                    fOnly * 1e3, Measure.mib(one.allocated()), Measure.mib(one.peakHeap()), Measure.mib(csrBytes(h)));
        }
        if (dense) {
            SparseMatrix h = new SparseHessian(f, SparseOptions.defaults().mode(SparseOptions.Mode.FORWARD)).apply(x);
            Function<Tensor, Tensor> hf = AD.hessian(f);
            Measure d = Measure.of(() -> hf.apply(x), keep);
            check(h, ((Tensor) keep[0]).value(), "Laplacian");
            keep[0] = null;
            Measure d2 = Measure.of(() -> hf.apply(x), keep);
            keep[0] = null;
            System.out.printf(Locale.ROOT, "  dense AD.hessian (forward over reverse, %d HVPs batched): %.2f s, %.2f s; "
                    + "allocated %s, peak heap %s; result %s; compressed (columns) = dense bit for bit%n", n,
                    d.seconds(), d2.seconds(), Measure.mib(d2.allocated()), Measure.mib(d2.peakHeap()),
                    Measure.mib(8L * n * n));
        }
    }

    private static long csrBytes(SparseMatrix m) {
        return 8L * m.nonZeros() + 4L * m.nonZeros() + 4L * (m.rows() + 1);
    }

    /** Every entry of the CSR matrix equals the dense one bit for bit, and the dense one is 0 elsewhere. */
    private static void check(SparseMatrix s, NDArray dense, String what) {
        double[] d = dense.unsafeData();
        int n = s.columns();
        int[] rp = s.rowPointers();
        int[] ci = s.columnIndices();
        double[] v = s.values();
        for (int i = 0; i < s.rows(); i++) {
            int k = rp[i];
            for (int j = 0; j < n; j++) {
                double e = d[i * n + j];
                if (k < rp[i + 1] && ci[k] == j) {
                    if (Double.doubleToLongBits(e) != Double.doubleToLongBits(v[k]) && !(e == 0 && v[k] == 0)) {
                        throw new AssertionError(what + ": entry (" + i + ", " + j + ") is " + v[k] + ", dense " + e);
                    }
                    k++;
                } else if (e != 0) {
                    throw new AssertionError(what + ": dense entry (" + i + ", " + j + ") = " + e + " is outside the pattern");
                }
            }
        }
    }
}
