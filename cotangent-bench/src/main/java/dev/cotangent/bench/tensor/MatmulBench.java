package dev.cotangent.bench.tensor;

import dev.cotangent.kernel.Blas;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.DoublePointer;
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
 * Square float64 matrix product: {@code NDArray.matmul} against OpenBLAS {@code cblas_dgemm} called directly
 * on {@code double[]} arrays with a preallocated output, at 1 and 2 BLAS threads. GFLOP/s = 2n³ / time.
 * A third variant calls dgemm on off-heap memory, to show what JavaCPP's passing of Java arrays costs
 * (it copies each array in and out of native memory on every call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatmulBench {
    @Param({"256", "512", "1024"})
    public int n;

    @Param({"1", "2"})
    public int threads;

    private double[] a;
    private double[] b;
    private double[] c;
    private NDArray x;
    private NDArray y;
    private DoublePointer pa;
    private DoublePointer pb;
    private DoublePointer pc;

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(7);
        a = new double[n * n];
        b = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextDouble() - 0.5;
            b[i] = rnd.nextDouble() - 0.5;
        }
        c = new double[n * n];
        x = NDArray.of(Shape.of(n, n), a);
        y = NDArray.of(Shape.of(n, n), b);
        Loader.load(openblas.class); // JavaCPP's native side must be up before any Pointer is made
        pa = new DoublePointer(a);
        pb = new DoublePointer(b);
        pc = new DoublePointer((long) n * n);
        Blas.setThreads(threads);
    }

    @TearDown
    public void tearDown() {
        pa.close();
        pb.close();
        pc.close();
    }

    /** The library path: shape checks, a fresh output array, then dgemm. */
    @Benchmark
    public NDArray ndarrayMatmul() {
        return x.matmul(y);
    }

    /** The baseline: dgemm straight on the arrays, output array reused. */
    @Benchmark
    public double[] directDgemm() {
        openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans,
                n, n, n, 1.0, a, n, b, n, 0.0, c, n);
        return c;
    }

    /** For reference: dgemm on off-heap operands, no Java array crossing the JNI boundary. */
    @Benchmark
    public DoublePointer offHeapDgemm() {
        openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans,
                n, n, n, 1.0, pa, n, pb, n, 0.0, pc, n);
        return pc;
    }
}
