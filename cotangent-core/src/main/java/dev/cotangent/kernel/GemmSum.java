package dev.cotangent.kernel;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

/**
 * An off-heap m×n sum that matrix products are added into by a GEMM of β = 1 ({@code C += op(A) op(B)}): a sum
 * of many products is then one buffer that BLAS reads and writes, not a fresh array per product, zeroed, copied
 * out of native memory and then added. It starts from a Java array's values; {@link #copyTo} writes the sum
 * back, and {@link #close} frees the native memory at once (nothing waits for the garbage collector).
 *
 * <p>Each product is added exactly as {@code c + (op(A) op(B))} would be, bit for bit, as long as BLAS does not
 * split the inner dimension into blocks, which OpenBLAS does beyond a few hundred: callers keep {@code k} at
 * or below {@link #MAX_INNER} (tested in {@code GemmSumTest}).
 */
public final class GemmSum implements AutoCloseable {
    /** The largest inner dimension whose products are added with the same bits as a separate product and sum. */
    public static final int MAX_INNER = 128;

    private final int m;
    private final int n;
    private DoublePointer sum;

    /** A sum of {@code m×n} (row-major) that starts at {@code start}'s first {@code m·n} values. */
    public GemmSum(double[] start, int m, int n) {
        if (start.length < (long) m * n) {
            throw new IllegalArgumentException("GemmSum: a start of " + start.length + " values for a sum of "
                    + m + "×" + n + "; give at least m·n values");
        }
        this.m = m;
        this.n = n;
        NativeMirror.scratch(2, 1); // loads OpenBLAS before the first off-heap allocation
        this.sum = new DoublePointer(Math.max(1L, (long) m * n));
        sum.put(start, 0, m * n);
    }

    /**
     * Adds {@code op(A) op(B)} (op(A) {@code m×k}, op(B) {@code k×n}, stored as for {@link Blas#gemm}, with the
     * same contract on {@code a} and {@code b}).
     */
    public void addProduct(boolean transA, boolean transB, int k, double[] a, int aOff, double[] b, int bOff) {
        if (sum == null) throw new IllegalStateException("GemmSum.addProduct: this sum is closed");
        if (m == 0 || n == 0 || k == 0) return;
        BlasThreads.use((long) m * n * k);
        DoublePointer pa = NativeMirror.at(NativeMirror.operand(a, 0), aOff);
        DoublePointer pb = NativeMirror.at(NativeMirror.operand(b, 1), bOff);
        openblas.cblas_dgemm(openblas.CblasRowMajor, transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, 1.0, pa, transA ? m : k, pb,
                transB ? k : n, 1.0, sum, n);
    }

    /** Writes the sum into {@code c[0 .. m·n)}, dropping any off-heap copy BLAS keeps of {@code c}. */
    public void copyTo(double[] c) {
        if (sum == null) throw new IllegalStateException("GemmSum.copyTo: this sum is closed");
        NativeMirror.forget(c);
        sum.get(c, 0, m * n);
    }

    /** Frees the native memory; the sum cannot be used afterwards. Closing twice does nothing. */
    @Override
    public void close() {
        if (sum != null) {
            sum.deallocate();
            sum = null;
        }
    }
}
