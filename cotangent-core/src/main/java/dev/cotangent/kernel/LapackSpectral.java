package dev.cotangent.kernel;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

/**
 * The LAPACK calls of the spectral decompositions (symmetric eigendecomposition, SVD, QR) and the upper-triangular
 * solve that QR's derivative uses, through OpenBLAS's LAPACKE, row-major. Each method works on a batch of
 * {@code count} matrices stored one after the other, reads its inputs and overwrites only its output arrays, which
 * the caller gives. The whole batch crosses into native memory once (this thread's scratch buffer, never a cached
 * mirror, since LAPACK overwrites its input) and comes back once.
 *
 * <p>Sign conventions (the only thing added to LAPACK's output, so that results do not depend on LAPACK's
 * algorithm path): each eigenvector, and each left singular vector, has its largest-magnitude component
 * positive (the first such component on an exact tie); a singular pair (u_i, v_i) flips together. QR's R has a
 * non-negative diagonal, which makes the factorisation unique for full-rank input.
 *
 * <p>A matrix with a NaN or an infinity among the entries the routine reads gives NaN results (LAPACK is not
 * called for it). A failure to converge, or a zero on the diagonal of a triangular system, throws
 * {@link ArithmeticException} naming the routine and the matrix's index in the batch.
 */
public final class LapackSpectral {
    private static final int ROW_MAJOR = openblas.LAPACK_ROW_MAJOR;
    /** Which entries of a matrix a routine reads: all, the lower triangle, the upper triangle. */
    private static final int ALL = 0;
    private static final int LOWER = 1;
    private static final int UPPER = 2;

    static {
        org.bytedeco.javacpp.Loader.load(openblas.class);
    }

    private LapackSpectral() {}

    /**
     * Symmetric eigendecomposition (dsyevd, reading the lower triangle) of {@code count} matrices n×n in
     * {@code a}: eigenvalues ascending into {@code w} [count, n], eigenvectors as columns into {@code v}
     * [count, n, n].
     */
    public static void eigh(int count, int n, double[] a, double[] w, double[] v) {
        int nn = n * n;
        if (count == 0 || n == 0) return;
        BlasThreads.use((long) count * nn * n);
        DoublePointer buf = NativeMirror.scratch(2, (long) count * (nn + n));
        buf.put(a, 0, count * nn);
        boolean[] nan = new boolean[count];
        for (int t = 0; t < count; t++) {
            nan[t] = !finite(a, t * nn, n, n, LOWER);
            if (nan[t]) continue;
            int info = openblas.LAPACKE_dsyevd(ROW_MAJOR, (byte) 'V', (byte) 'L', n, at(buf, (long) t * nn), n,
                    at(buf, (long) count * nn + (long) t * n));
            check("LAPACKE_dsyevd", info, t, "did not converge");
        }
        buf.get(v, 0, count * nn);
        at(buf, (long) count * nn).get(w, 0, count * n);
        for (int t = 0; t < count; t++) {
            if (nan[t]) {
                fillNaN(v, t * nn, nn);
                fillNaN(w, t * n, n);
            } else {
                for (int j = 0; j < n; j++) if (columnNeedsFlip(v, t * nn, n, n, j)) flipColumn(v, t * nn, n, n, j);
            }
        }
    }

    /**
     * Reduced SVD (dgesdd) of {@code count} matrices m×n in {@code a}: with k = min(m, n), {@code u} [count, m, k],
     * singular values descending into {@code s} [count, k], {@code vt} [count, k, n].
     */
    public static void svd(int count, int m, int n, double[] a, double[] u, double[] s, double[] vt) {
        int k = Math.min(m, n);
        BlasThreads.use((long) count * m * n * k);
        int mn = m * n;
        if (count == 0 || k == 0) return;
        long offU = (long) count * mn;
        long offS = offU + (long) count * m * k;
        long offVt = offS + (long) count * k;
        DoublePointer buf = NativeMirror.scratch(2, offVt + (long) count * k * n);
        buf.put(a, 0, count * mn);
        boolean[] nan = new boolean[count];
        for (int t = 0; t < count; t++) {
            nan[t] = !finite(a, t * mn, m, n, ALL);
            if (nan[t]) continue;
            int info = openblas.LAPACKE_dgesdd(ROW_MAJOR, (byte) 'S', m, n, at(buf, (long) t * mn), n,
                    at(buf, offS + (long) t * k), at(buf, offU + (long) t * m * k), k,
                    at(buf, offVt + (long) t * k * n), n);
            check("LAPACKE_dgesdd", info, t, "did not converge");
        }
        at(buf, offU).get(u, 0, count * m * k);
        at(buf, offS).get(s, 0, count * k);
        at(buf, offVt).get(vt, 0, count * k * n);
        for (int t = 0; t < count; t++) {
            if (nan[t]) {
                fillNaN(u, t * m * k, m * k);
                fillNaN(s, t * k, k);
                fillNaN(vt, t * k * n, k * n);
                continue;
            }
            for (int j = 0; j < k; j++) {
                if (!columnNeedsFlip(u, t * m * k, m, k, j)) continue;
                flipColumn(u, t * m * k, m, k, j);
                for (int c = 0; c < n; c++) vt[t * k * n + j * n + c] = -vt[t * k * n + j * n + c];
            }
        }
    }

    /**
     * Reduced QR (dgeqrf, then dorgqr) of {@code count} matrices m×n in {@code a}: with k = min(m, n), {@code q}
     * [count, m, k] with orthonormal columns and {@code r} [count, k, n] upper triangular with a non-negative
     * diagonal.
     */
    public static void qr(int count, int m, int n, double[] a, double[] q, double[] r) {
        int k = Math.min(m, n);
        BlasThreads.use((long) count * m * n * k);
        int mn = m * n;
        if (count == 0 || k == 0) return;
        long offTau = (long) count * mn;
        DoublePointer buf = NativeMirror.scratch(2, offTau + (long) count * k);
        buf.put(a, 0, count * mn);
        boolean[] nan = new boolean[count];
        for (int t = 0; t < count; t++) {
            nan[t] = !finite(a, t * mn, m, n, ALL);
            if (nan[t]) continue;
            int info = openblas.LAPACKE_dgeqrf(ROW_MAJOR, m, n, at(buf, (long) t * mn), n,
                    at(buf, offTau + (long) t * k));
            check("LAPACKE_dgeqrf", info, t, "failed");
        }
        double[] f = new double[count * mn];
        buf.get(f, 0, count * mn);
        for (int t = 0; t < count; t++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < n; j++) r[t * k * n + i * n + j] = j < i ? 0.0 : f[t * mn + i * n + j];
            }
            if (nan[t]) continue;
            // Q is the first k columns of the m×n array (leading dimension n)
            int info = openblas.LAPACKE_dorgqr(ROW_MAJOR, m, k, k, at(buf, (long) t * mn), n,
                    at(buf, offTau + (long) t * k));
            check("LAPACKE_dorgqr", info, t, "failed");
        }
        buf.get(f, 0, count * mn);
        for (int t = 0; t < count; t++) {
            for (int i = 0; i < m; i++) System.arraycopy(f, t * mn + i * n, q, t * m * k + i * k, k);
            if (nan[t]) {
                fillNaN(q, t * m * k, m * k);
                fillNaN(r, t * k * n, k * n);
                continue;
            }
            for (int i = 0; i < k; i++) {
                if (r[t * k * n + i * n + i] >= 0) continue;
                for (int j = i; j < n; j++) r[t * k * n + i * n + j] = -r[t * k * n + i * n + j];
                flipColumn(q, t * m * k, m, k, i);
            }
        }
    }

    /**
     * Solves {@code op(R) X = B} (dtrtrs) for {@code count} upper-triangular R [n, n] in {@code r} (the strict lower
     * triangle is not read) and B [n, nrhs] in {@code b}, with op(R) = Rᵀ when {@code transpose}; X into {@code x}
     * [count, n, nrhs]. A zero on R's diagonal throws.
     */
    public static void upperTriangularSolve(int count, int n, int nrhs, boolean transpose, double[] r, double[] b,
                                            double[] x) {
        BlasThreads.use((long) count * n * n * nrhs);
        int nn = n * n;
        int nb = n * nrhs;
        if (count == 0 || nb == 0) return;
        long offB = (long) count * nn;
        DoublePointer buf = NativeMirror.scratch(2, offB + (long) count * nb);
        buf.put(r, 0, count * nn);
        at(buf, offB).put(b, 0, count * nb);
        boolean[] nan = new boolean[count];
        for (int t = 0; t < count; t++) {
            nan[t] = !finite(r, t * nn, n, n, UPPER) || !finite(b, t * nb, n, nrhs, ALL);
            if (nan[t]) continue;
            int info = openblas.LAPACKE_dtrtrs(ROW_MAJOR, (byte) 'U', (byte) (transpose ? 'T' : 'N'), (byte) 'N', n,
                    nrhs, at(buf, (long) t * nn), n, at(buf, offB + (long) t * nb), nrhs);
            if (info > 0) {
                throw new ArithmeticException("LAPACKE_dtrtrs: matrix " + t + " of the batch is singular: diagonal "
                        + "entry " + (info - 1) + " of the triangular matrix is zero");
            }
            check("LAPACKE_dtrtrs", info, t, "failed");
        }
        at(buf, offB).get(x, 0, count * nb);
        for (int t = 0; t < count; t++) if (nan[t]) fillNaN(x, t * nb, nb);
    }

    /** Whether the entries of the rows×cols matrix at {@code off} in {@code part} (ALL, LOWER, UPPER) are finite. */
    private static boolean finite(double[] d, int off, int rows, int cols, int part) {
        for (int i = 0; i < rows; i++) {
            int from = part == UPPER ? i : 0;
            int to = part == LOWER ? Math.min(i + 1, cols) : cols;
            for (int j = from; j < to; j++) if (!Double.isFinite(d[off + i * cols + j])) return false;
        }
        return true;
    }

    /** Throws for a failed call (info > 0: the routine's failure; info < 0: an argument LAPACKE refused). */
    private static void check(String routine, int info, int t, String failure) {
        if (info == 0) return;
        throw new ArithmeticException(routine + ": matrix " + t + " of the batch: "
                + (info > 0 ? failure : "argument " + (-info) + " refused") + " (info " + info + ")");
    }

    private static DoublePointer at(DoublePointer p, long offset) {
        return NativeMirror.at(p, offset);
    }

    private static void fillNaN(double[] d, int off, int len) {
        java.util.Arrays.fill(d, off, off + len, Double.NaN);
    }

    /** Whether column j of the rows×cols matrix at {@code off} has its largest-magnitude entry negative. */
    private static boolean columnNeedsFlip(double[] d, int off, int rows, int cols, int j) {
        double best = -1;
        double sign = 1;
        for (int i = 0; i < rows; i++) {
            double x = d[off + i * cols + j];
            if (Math.abs(x) > best) {
                best = Math.abs(x);
                sign = x;
            }
        }
        return sign < 0;
    }

    private static void flipColumn(double[] d, int off, int rows, int cols, int j) {
        for (int i = 0; i < rows; i++) d[off + i * cols + j] = -d[off + i * cols + j];
    }
}
