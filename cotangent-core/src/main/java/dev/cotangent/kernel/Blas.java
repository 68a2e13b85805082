package dev.cotangent.kernel;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

/**
 * The BLAS calls Cotangent makes, through OpenBLAS (JavaCPP's preset, native library shipped in the Maven
 * jar). Row-major throughout; the caller gives the output array.
 */
public final class Blas {
    private Blas() {}

    /**
     * {@code C[m×n] = op(A) op(B)} where {@code op(A)} is {@code m×k} and {@code op(B)} is {@code k×n};
     * {@code A} is stored {@code m×k} (or {@code k×m} when {@code transA}), likewise {@code B}. Overwrites
     * {@code c[cOff .. cOff+m*n)}. {@code a} and {@code b} keep an off-heap copy for later calls (see
     * {@link #forget}): they must not be modified afterwards unless {@code forget} is called first.
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        if (m == 0 || n == 0) return;
        if (k == 0) {
            java.util.Arrays.fill(c, cOff, cOff + m * n, 0.0);
            return;
        }
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        int ta = transA ? openblas.CblasTrans : openblas.CblasNoTrans;
        int tb = transB ? openblas.CblasTrans : openblas.CblasNoTrans;
        // Operands go off-heap once (each keeps a mirror while it is among the thread's last 16 operands)
        // and the result through a scratch buffer: JNI would copy all three arrays in and out on every call.
        BlasThreads.use((long) m * n * k);
        DoublePointer pa = NativeMirror.at(NativeMirror.operand(a, 0), aOff);
        DoublePointer pb = NativeMirror.at(NativeMirror.operand(b, 1), bOff);
        DoublePointer pc = NativeMirror.scratch(2, (long) m * n);
        openblas.cblas_dgemm(openblas.CblasRowMajor, ta, tb, m, n, k, 1.0, pa, lda, pb, ldb, 0.0, pc, n);
        pc.get(c, cOff, m * n);
    }

    /**
     * A batch of products {@code C_t = op(A_t) op(B_t)}, t = 0 … count−1, where {@code A_t} starts at
     * {@code aOffsets[t]} in {@code a} and {@code B_t} at {@code bOffsets[t]} in {@code b} (offsets may repeat, as
     * for a broadcast operand), and {@code C_t} fills {@code c[t·m·n .. (t+1)·m·n)}. Each operand array goes
     * off-heap once for the whole batch. Same contract on {@code a} and {@code b} as {@link #gemm}.
     */
    public static void gemmBatch(boolean transA, boolean transB, int m, int n, int k,
                                 double[] a, int[] aOffsets, double[] b, int[] bOffsets, double[] c) {
        int count = aOffsets.length;
        if (m == 0 || n == 0 || count == 0) return;
        if (k == 0) {
            java.util.Arrays.fill(c, 0, count * m * n, 0.0);
            return;
        }
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        int ta = transA ? openblas.CblasTrans : openblas.CblasNoTrans;
        int tb = transB ? openblas.CblasTrans : openblas.CblasNoTrans;
        BlasThreads.use((long) count * m * n * k);
        DoublePointer pa = NativeMirror.operand(a, 0);
        DoublePointer pb = NativeMirror.operand(b, 1);
        DoublePointer pc = NativeMirror.scratch(2, (long) count * m * n);
        for (int t = 0; t < count; t++) {
            openblas.cblas_dgemm(openblas.CblasRowMajor, ta, tb, m, n, k, 1.0, NativeMirror.at(pa, aOffsets[t]), lda,
                    NativeMirror.at(pb, bOffsets[t]), ldb, 0.0, NativeMirror.at(pc, (long) t * m * n), n);
        }
        pc.get(c, 0, count * m * n);
    }

    /**
     * Sets the largest number of threads OpenBLAS uses (process-wide, from the next call on); each call then uses
     * what the thread rule gives for its size and the machine's load (see {@link #setParallelFrom} and
     * {@link #setLoadAware}).
     */
    public static void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("Blas.setThreads: " + threads + " threads; give 1 or more");
        }
        BlasThreads.setMax(threads);
    }

    /**
     * The largest number of threads OpenBLAS uses: what {@link #setThreads} set, else OpenBLAS's own start-up
     * choice (the first positive of OPENBLAS_NUM_THREADS, GOTO_NUM_THREADS, OMP_NUM_THREADS, capped by the
     * available processors).
     */
    public static int threads() {
        return BlasThreads.max();
    }

    /**
     * Drops every off-heap copy of {@code a} (in every thread) and every factorization cached for it: call it
     * before writing into an array that may have been an operand, or the next product could read the old values.
     * The same as {@link ArrayCaches#overwritten}.
     */
    public static void forget(double[] a) {
        ArrayCaches.overwritten(a);
    }

    /** The number of threads the last product or factorization used (0 before the first). */
    public static int threadsOfLastCall() {
        return Math.max(0, openblas.blas_get_num_threads());
    }

    /**
     * Products and factorizations of fewer than {@code multiplyAdds} multiply-adds (m·n·k, summed over a batch;
     * n³ for a factorization) run on one thread; larger ones on up to {@link #threads()}.
     */
    public static void setParallelFrom(long multiplyAdds) {
        if (multiplyAdds < 0) {
            throw new IllegalArgumentException("Blas.setParallelFrom: " + multiplyAdds + " multiply-adds; give 0 or more");
        }
        BlasThreads.setParallelFrom(multiplyAdds);
    }

    /** The work from which calls may use more than one thread (see {@link #setParallelFrom}). */
    public static long parallelFrom() {
        return BlasThreads.parallelFrom();
    }

    /**
     * With {@code on} (the default), a call that may use several threads uses no more than the cores other
     * processes leave free, as last measured (Linux; at most every 50 ms): threaded OpenBLAS waits for its slowest
     * thread, and a thread sharing a core with a busy process makes every product several times slower.
     */
    public static void setLoadAware(boolean on) {
        BlasThreads.setLoadAware(on);
    }

    /** Whether calls adapt their threads to the machine's load (see {@link #setLoadAware}). */
    public static boolean loadAware() {
        return BlasThreads.loadAware();
    }
}
