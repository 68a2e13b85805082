package dev.cotangent.kernel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.openblas.global.openblas;

/**
 * The LAPACK calls of the LU and Cholesky family, through LAPACKE in OpenBLAS (JavaCPP's preset), on stacks of
 * {@code count} row-major n×n matrices laid one after the other.
 *
 * <p>Layout: LAPACK is called in column-major layout on the row-major buffers, where it sees each matrix
 * transposed. That costs nothing and saves LAPACKE's row-major path two n² transposes per call (about 20% of a
 * getrf at n = 1024): the LU of A is computed as the LU of Aᵀ (a solve with A then uses LAPACK's transposed
 * solve), the lower triangle of a row-major matrix is the upper triangle LAPACK sees, and LAPACK's inverse of Aᵀ
 * read row-major is A⁻¹. Triangular solves use CBLAS {@code dtrsm}, which takes row-major operands as they are.
 *
 * <p>Memory: LAPACK works in per-thread off-heap scratch buffers, reused from call to call. Measured at
 * n = 64..1024 (one thread), these were never slower than the {@code double[]} overloads, whose JNI copies go in
 * and out on every call (a solve with the factors already off-heap was up to 35% faster), and faster than
 * off-heap memory owned per factorization (see {@link LuFactors}).
 *
 * <p>Stack: OpenBLAS's multithreaded {@code dgetrf} recurses with large arrays on the caller's stack and overflows
 * the JVM's default 1 MB thread stack (a crash, not an exception) from about n = 150 (OpenBLAS issues #1082,
 * #3229). With more than one OpenBLAS thread, factorizations from n = {@value #BIG_STACK_FROM} on therefore run on
 * a pool thread with a {@value #BIG_STACK_MB} MB stack while the caller waits.
 */
public final class Lapack {
    private static final int COL = openblas.LAPACK_COL_MAJOR;
    private static final int BIG_STACK_FROM = 128;
    private static final int BIG_STACK_MB = 64;
    private static final ExecutorService BIG_STACK = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(null, r, "cotangent-lapack", (long) BIG_STACK_MB << 20);
        t.setDaemon(true);
        return t;
    });

    static {
        org.bytedeco.javacpp.Loader.load(openblas.class);
    }

    private Lapack() {}

    /** LU-factorizes the {@code count} n×n matrices in {@code a} (row-major, one after the other); reads {@code a}. */
    public static LuFactors getrf(double[] a, int n, int count) {
        LuFactors f = new LuFactors(n, count);
        if (n == 0 || count == 0) {
            java.util.Arrays.fill(f.zeroPivot, -1);
            return f;
        }
        long nn = (long) n * n;
        DoublePointer w = f.factorsOut();
        IntPointer piv = f.pivotsOut();
        w.put(a, 0, (int) (count * nn));
        int[] info = new int[count];
        onLargeStackIfNeeded(n, () -> {
            for (int t = 0; t < count; t++) {
                info[t] = openblas.LAPACKE_dgetrf(COL, n, n, at(w, t * nn), n, at(piv, (long) t * n));
            }
        });
        f.keep(w, piv);
        for (int t = 0; t < count; t++) {
            if (info[t] < 0) throw new IllegalStateException("LAPACKE_dgetrf: argument " + -info[t] + " is illegal");
            f.zeroPivot[t] = info[t] > 0 ? info[t] - 1 : -1;
        }
        return f;
    }

    /**
     * Solves op(A_{matrix[t]}) X_t = B_t for t = 0 … matrix.length−1 with the factors {@code lu}, where op is the
     * transpose when {@code transpose} is set, B_t is the n×k row-major block of {@code b} at {@code bOffsets[t]},
     * and X_t fills {@code x[t·n·k .. (t+1)·n·k)} (overwritten). The matrices must be nonsingular. When the stack
     * holds one matrix, every right-hand side goes into one LAPACK call.
     */
    public static void getrs(LuFactors lu, int[] matrix, boolean transpose, double[] b, int[] bOffsets, int k,
                             double[] x) {
        int n = lu.n;
        int count = matrix.length;
        if (n == 0 || k == 0 || count == 0) return;
        BlasThreads.use((long) count * n * n * k);
        // LAPACK holds the LU of Aᵀ: A x = b is its transposed solve
        byte trans = (byte) (transpose ? 'N' : 'T');
        int group = lu.count == 1 ? count : 1;
        long nn = (long) n * n;
        double[] col = new double[group * n * k];
        DoublePointer p = NativeMirror.scratch(0, col.length);
        DoublePointer factors = lu.factors(1);
        IntPointer pivots = lu.pivots();
        for (int t0 = 0; t0 < count; t0 += group) {
            for (int g = 0; g < group; g++) {
                int off = bOffsets[t0 + g];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < k; j++) col[(g * k + j) * n + i] = b[off + i * k + j];
                }
            }
            p.put(col, 0, col.length);
            int m = matrix[t0];
            int info = openblas.LAPACKE_dgetrs(COL, trans, n, group * k, at(factors, m * nn), n,
                    at(pivots, (long) m * n), p, n);
            if (info != 0) throw new IllegalStateException("LAPACKE_dgetrs: info " + info);
            p.get(col, 0, col.length);
            for (int g = 0; g < group; g++) {
                int off = (t0 + g) * n * k;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < k; j++) x[off + i * k + j] = col[(g * k + j) * n + i];
                }
            }
        }
    }

    /** The inverse of every factored matrix, row-major into {@code out} (overwritten); all must be nonsingular. */
    public static void getri(LuFactors lu, double[] out) {
        int n = lu.n;
        long nn = (long) n * n;
        if (n == 0 || lu.count == 0) return;
        BlasThreads.use(nn * n);
        DoublePointer w = NativeMirror.scratch(2, lu.count * nn);
        lu.copyTo(w);
        IntPointer pivots = lu.pivots();
        for (int t = 0; t < lu.count; t++) {
            // LAPACK inverts Aᵀ in column-major order, which read row-major is A⁻¹
            int info = openblas.LAPACKE_dgetri(COL, n, at(w, t * nn), n, at(pivots, (long) t * n));
            if (info != 0) throw new IllegalStateException("LAPACKE_dgetri: info " + info + " for matrix " + t);
        }
        w.get(out, 0, (int) (lu.count * nn));
    }

    /** The inverse of factored matrix {@code t} alone, row-major into {@code out} from {@code off} (n² numbers). */
    public static void getri(LuFactors lu, int t, double[] out, int off) {
        int n = lu.n;
        if (n == 0) return;
        BlasThreads.use((long) n * n * n);
        DoublePointer w = lu.factorsOf(2, t);
        int info = openblas.LAPACKE_dgetri(COL, n, w, n, lu.pivotsOf(t));
        if (info != 0) throw new IllegalStateException("LAPACKE_dgetri: info " + info + " for matrix " + t);
        w.get(out, off, n * n);
    }

    /**
     * The Cholesky factors L (lower triangular, A = L Lᵀ) of the {@code count} n×n matrices in {@code a}, reading
     * only each lower triangle; L is written row-major into {@code out} with zeros above the diagonal. Returns
     * LAPACK's info per matrix: 0, or k > 0 when the leading minor of order k is not positive definite (that
     * matrix's block of {@code out} is then meaningless).
     */
    public static int[] potrf(double[] a, int n, int count, double[] out) {
        int[] info = new int[count];
        long nn = (long) n * n;
        if (n == 0 || count == 0) return info;
        BlasThreads.use(nn * n);
        DoublePointer w = NativeMirror.scratch(2, count * nn);
        w.put(a, 0, (int) (count * nn));
        for (int t = 0; t < count; t++) {
            // the row-major lower triangle is the upper triangle in LAPACK's column-major view: Aᵀ = Uᵀ U, L = Uᵀ
            info[t] = openblas.LAPACKE_dpotrf(COL, (byte) 'U', n, at(w, t * nn), n);
            if (info[t] < 0) throw new IllegalStateException("LAPACKE_dpotrf: argument " + -info[t] + " is illegal");
        }
        w.get(out, 0, (int) (count * nn));
        for (int t = 0; t < count; t++) {
            int base = (int) (t * nn);
            for (int i = 0; i < n; i++) java.util.Arrays.fill(out, base + i * n + i + 1, base + (i + 1) * n, 0.0);
        }
        return info;
    }

    /**
     * Triangular solves op(T_t) X_t = B_t, t = 0 … aOffsets.length−1, where T_t is the lower (or upper) triangle
     * of the n×n row-major block of {@code a} at {@code aOffsets[t]} (the other triangle is not read), op the
     * transpose when {@code transpose} is set, and B_t the n×k block of {@code b} at {@code bOffsets[t]}; X_t
     * fills {@code x[t·n·k ..)} (overwritten). Returns {@code null}, or {t, i} when the diagonal entry i of T_t is
     * exactly zero (the system is singular; nothing is solved). {@code a} must never be modified afterwards. When
     * every position reads one triangle, all right-hand sides go into one call.
     */
    public static int[] trsm(double[] a, int[] aOffsets, double[] b, int[] bOffsets, int n, int k, boolean lower,
                             boolean transpose, double[] x) {
        int count = aOffsets.length;
        for (int t = 0; t < count; t++) {
            for (int i = 0; i < n; i++) if (a[aOffsets[t] + i * n + i] == 0.0) return new int[] {t, i};
        }
        if (n == 0 || k == 0 || count == 0) return null;
        int nk = n * k;
        BlasThreads.use((long) count * n * n * k);
        DoublePointer pa = NativeMirror.operand(a, 0);
        boolean shared = true;
        for (int t = 1; t < count; t++) shared &= aOffsets[t] == aOffsets[0];
        if (shared && count > 1) {
            // one triangle for every right-hand side: a single call on the n × (count·k) block [B_0 | B_1 | ...]
            int w = count * k;
            double[] packed = new double[n * w];
            for (int t = 0; t < count; t++) {
                for (int i = 0; i < n; i++) System.arraycopy(b, bOffsets[t] + i * k, packed, i * w + t * k, k);
            }
            DoublePointer pp = NativeMirror.scratch(2, packed.length);
            pp.put(packed, 0, packed.length);
            openblas.cblas_dtrsm(openblas.CblasRowMajor, openblas.CblasLeft,
                    lower ? openblas.CblasLower : openblas.CblasUpper,
                    transpose ? openblas.CblasTrans : openblas.CblasNoTrans, openblas.CblasNonUnit, n, w, 1.0,
                    at(pa, aOffsets[0]), n, pp, w);
            pp.get(packed, 0, packed.length);
            for (int t = 0; t < count; t++) {
                for (int i = 0; i < n; i++) System.arraycopy(packed, i * w + t * k, x, t * nk + i * k, k);
            }
            return null;
        }
        for (int t = 0; t < count; t++) System.arraycopy(b, bOffsets[t], x, t * nk, nk);
        DoublePointer px = NativeMirror.scratch(2, (long) count * nk);
        px.put(x, 0, count * nk);
        for (int t = 0; t < count; t++) {
            openblas.cblas_dtrsm(openblas.CblasRowMajor, openblas.CblasLeft,
                    lower ? openblas.CblasLower : openblas.CblasUpper,
                    transpose ? openblas.CblasTrans : openblas.CblasNoTrans, openblas.CblasNonUnit, n, k, 1.0,
                    at(pa, aOffsets[t]), n, at(px, (long) t * nk), k);
        }
        px.get(x, 0, count * nk);
        return null;
    }

    /**
     * LAPACK's estimate of the reciprocal condition number of matrix {@code t} in the ∞-norm, given that norm of
     * the matrix ({@code dgecon} on its factors: O(n²)); 0 for a singular matrix.
     */
    static double rcond(LuFactors lu, int t, double normInf) {
        if (lu.zeroPivot[t] >= 0) return 0.0;
        if (lu.n == 0) return 1.0;
        try (DoublePointer r = new DoublePointer(1)) {
            // the factors are those of Aᵀ, whose 1-norm is the ∞-norm of A
            int info = openblas.LAPACKE_dgecon(COL, (byte) '1', lu.n, lu.factorsOf(1, t), lu.n, normInf, r);
            if (info != 0) throw new IllegalStateException("LAPACKE_dgecon: info " + info);
            return r.get(0);
        }
    }

    /** Runs {@code r} on a thread with a large stack when OpenBLAS may take its deeply recursive parallel path. */
    static void onLargeStackIfNeeded(int n, Runnable r) {
        if (BlasThreads.use((long) n * n * n) == 1 || n < BIG_STACK_FROM
                || Thread.currentThread().getName().equals("cotangent-lapack")) {
            r.run();
            return;
        }
        Future<?> f = BIG_STACK.submit(r);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return;
                } catch (InterruptedException e) {
                    // the native call writes into this thread's buffers: wait for it whatever happens
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) throw re;
                    if (c instanceof Error er) throw er;
                    throw new IllegalStateException(c);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    static DoublePointer at(DoublePointer p, long offset) {
        return NativeMirror.at(p, offset);
    }

    static IntPointer at(IntPointer p, long offset) {
        return offset == 0 ? p : new IntPointer(p).position(offset);
    }
}
