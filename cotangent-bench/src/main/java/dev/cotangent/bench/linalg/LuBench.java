package dev.cotangent.bench.linalg;

import dev.cotangent.AD;
import dev.cotangent.Linalg;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.Blas;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The LU/Cholesky family of {@code Linalg} against the same LAPACKE calls on raw buffers, and its gradients
 * against its forward passes, for a well-conditioned n×n matrix (uniform in [−1, 1] plus n·I; its Gram matrix plus
 * n·I for Cholesky) and one right-hand side.
 *
 * <p>Every {@code Linalg} call gets a fresh copy of the matrix ({@code Tensor.of} copies), so that it factors
 * afresh instead of finding the factors of the last call in the LU cache; every raw call copies the matrix into
 * its work buffer, since LAPACK overwrites it. The raw baselines are the calls Linalg makes (LAPACK in column-major
 * layout on the row-major buffer, off-heap) and, for solve, the call a user would write first:
 * {@code LAPACKE_dgesv} in row-major layout on {@code double[]}. Gradients: {@code AD.grad} of log |det A|
 * (forward getrf, then A⁻ᵀ by getri from the same factors) and of Σ w ⊙ solve(A, b) in A and b (forward getrf and
 * getrs, then one transposed getrs with the same factors and an outer product).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LuBench {
    private static final int COL = openblas.LAPACK_COL_MAJOR;

    @Param({"64", "256", "1024"})
    public int n;

    @Param({"1", "2"})
    public int threads;

    private double[] a;
    private double[] spd;
    private double[] b;
    private double[] work;
    private double[] x;
    private int[] ipiv;
    private Tensor bt;
    private Tensor wt;
    private DoublePointer pa;
    private DoublePointer pb;
    private IntPointer pp;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(7);
        a = NDArray.uniform(r, -1, 1, n, n).toArray();
        for (int i = 0; i < n; i++) a[i * n + i] += n;
        NDArray g = NDArray.uniform(r, -1, 1, n, n);
        spd = NDArray.matmul(g, g, false, true).add(NDArray.eye(n).mul(NDArray.scalar(n))).toArray();
        b = NDArray.uniform(r, -1, 1, n).toArray();
        work = new double[n * n];
        x = new double[n];
        ipiv = new int[n];
        bt = Tensor.of(b);
        wt = Tensor.from(NDArray.uniform(r, -1, 1, n));
        Loader.load(openblas.class);
        pa = new DoublePointer((long) n * n);
        pb = new DoublePointer(n);
        pp = new IntPointer(n);
        Blas.setThreads(threads);
    }

    @TearDown
    public void tearDown() {
        pa.close();
        pb.close();
        pp.close();
    }

    private Tensor fresh(double[] m) {
        return Tensor.from(NDArray.of(Shape.of(n, n), m));
    }

    // ------------------------------------------------------------------ solve

    @Benchmark
    public Tensor solveLinalg() {
        return Linalg.solve(fresh(a), bt);
    }

    /** What Linalg.solve calls: getrf and getrs in column-major layout (on Aᵀ), off-heap. */
    @Benchmark
    public double[] solveRawOffHeap() {
        pa.put(a, 0, a.length);
        openblas.LAPACKE_dgetrf(COL, n, n, pa, n, pp);
        pb.put(b, 0, n);
        openblas.LAPACKE_dgetrs(COL, (byte) 'T', n, 1, pa, n, pp, pb, n);
        pb.get(x, 0, n);
        return x;
    }

    /** The call a user would write first: dgesv in row-major layout on double[] (JNI copies, LAPACKE transposes). */
    @Benchmark
    public double[] solveRawGesvArrays() {
        System.arraycopy(a, 0, work, 0, a.length);
        System.arraycopy(b, 0, x, 0, n);
        openblas.LAPACKE_dgesv(openblas.LAPACK_ROW_MAJOR, n, 1, work, n, ipiv, x, 1);
        return x;
    }

    // ------------------------------------------------------------------ cholesky

    @Benchmark
    public Tensor choleskyLinalg() {
        return Linalg.cholesky(fresh(spd));
    }

    /** What Linalg.cholesky calls: potrf on the upper triangle LAPACK sees, off-heap, and the factor copied back. */
    @Benchmark
    public double[] choleskyRawOffHeap() {
        pa.put(spd, 0, spd.length);
        openblas.LAPACKE_dpotrf(COL, (byte) 'U', n, pa, n);
        pa.get(work, 0, work.length);
        return work;
    }

    // ------------------------------------------------------------------ log |det|

    @Benchmark
    public Tensor logAbsDetLinalg() {
        return Linalg.logAbsDet(fresh(a));
    }

    @Benchmark
    public double logAbsDetRawOffHeap() {
        pa.put(a, 0, a.length);
        openblas.LAPACKE_dgetrf(COL, n, n, pa, n, pp);
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.log(Math.abs(pa.get((long) i * (n + 1))));
        return s;
    }

    // ------------------------------------------------------------------ gradients

    @Benchmark
    public Tensor gradLogAbsDet() {
        return AD.grad(Linalg::logAbsDet).apply(fresh(a));
    }

    @Benchmark
    public Tensor[] gradSolve() {
        return AD.grad((Tensor m, Tensor v) -> Linalg.solve(m, v).mul(wt).sum()).apply(fresh(a), bt);
    }

    /** The forward pass of gradSolve, for the ratio. */
    @Benchmark
    public Tensor forwardSolveLoss() {
        return Linalg.solve(fresh(a), bt).mul(wt).sum();
    }
}
