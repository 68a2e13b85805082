package dev.cotangent.kernel;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;

/**
 * The LU factorizations (partial pivoting) of a stack of n×n matrices, as {@link Lapack#getrf} leaves them: the
 * factors of each matrix's transpose in LAPACK's column-major layout, and its 1-based pivots. Each matrix's
 * determinant is read off the factors on first request. Immutable once made.
 *
 * <p>Where they live: on the Java heap. getrf runs in an off-heap buffer of its thread and the factors are
 * copied out; a later solve copies them back into a scratch buffer (0.4 ms at n = 1024, against 20 ms for the
 * factorization and 1.4 ms for a solve), unless they are the last ones that thread made, which are still in that
 * buffer (the usual case for the solve right after the factorization, and for its VJP). Owning off-heap memory per factorization was slower: JavaCPP's
 * allocation costs 3 to 10 µs (a third of a 64×64 getrf), fresh large blocks are page-faulted in on first touch,
 * and they are freed only when the garbage collector finds them.
 */
public final class LuFactors {
    private static final ThreadLocal<IntPointer[]> INT_SCRATCH = ThreadLocal.withInitial(() -> new IntPointer[1]);
    /** Per thread: the buffer getrf works in, and the factors it holds (null while they are being written). */
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

    final int n;
    final int count;
    final int[] zeroPivot;
    private final double[] heap;
    private final int[] heapPivots;
    private double[] det;
    private double[] logAbsDet;

    LuFactors(int n, int count) {
        this.n = n;
        this.count = count;
        this.zeroPivot = new int[count];
        this.heap = new double[Math.toIntExact((long) count * n * n)];
        this.heapPivots = new int[count * n];
    }

    /** The order of each matrix. */
    public int n() {
        return n;
    }

    /** The number of matrices. */
    public int count() {
        return count;
    }

    /** The index i of the first pivot U[i,i] of matrix {@code t} that is exactly zero (A is singular), or −1. */
    public int zeroPivot(int t) {
        return zeroPivot[t];
    }

    /** det A_t: the product of the pivots, with the sign of the row permutation. */
    public double det(int t) {
        return determinants()[0][t];
    }

    /** log |det A_t|, the sum of log |pivot| (−∞ for a singular matrix; no overflow where det would). */
    public double logAbsDet(int t) {
        return determinants()[1][t];
    }

    /** The sign of det A_t: −1, 0 or 1 (counted from the pivots' signs where det under- or overflows). */
    public double sign(int t) {
        if (zeroPivot[t] >= 0) return 0.0;
        double d = det(t);
        if (d != 0 && !Double.isNaN(d)) return Math.signum(d);
        double s = parity(t);
        for (int i = 0; i < n; i++) s *= Math.signum(diagonal(t, i));
        return s;
    }

    // ------------------------------------------------------------------ for the LAPACK calls

    /** Where getrf writes the factors: this thread's factorization buffer. */
    DoublePointer factorsOut() {
        Object[] last = LAST.get();
        DoublePointer p = (DoublePointer) last[1];
        last[0] = null;
        if (p == null || p.capacity() < heap.length) {
            if (p != null) p.deallocate();
            p = new DoublePointer(Math.max(1, heap.length));
            last[1] = p;
        }
        return p;
    }

    /** Where getrf writes the pivots: this thread's int scratch buffer. */
    IntPointer pivotsOut() {
        return scratchInts(heapPivots.length);
    }

    /** After getrf wrote into {@link #factorsOut} and {@link #pivotsOut}: keeps them. */
    void keep(DoublePointer f, IntPointer p) {
        f.get(heap, 0, heap.length);
        p.get(heapPivots, 0, heapPivots.length);
        LAST.get()[0] = this;
    }

    /**
     * The factors off-heap for a LAPACK call that only reads them: still in this thread's factorization buffer if
     * they are the last it made, else copied into this thread's scratch buffer {@code slot}.
     */
    DoublePointer factors(int slot) {
        Object[] last = LAST.get();
        if (last[0] == this) return (DoublePointer) last[1];
        DoublePointer p = NativeMirror.scratch(slot, Math.max(1, heap.length));
        p.put(heap, 0, heap.length);
        return p;
    }

    /** The factors of matrix {@code t} alone, copied into this thread's scratch buffer {@code slot} (writable). */
    DoublePointer factorsOf(int slot, int t) {
        DoublePointer p = NativeMirror.scratch(slot, Math.max(1, n * n));
        p.put(heap, t * n * n, n * n);
        return p;
    }

    /** The pivots of matrix {@code t} alone off-heap, in this thread's int scratch buffer. */
    IntPointer pivotsOf(int t) {
        IntPointer p = scratchInts(Math.max(1, n));
        p.put(heapPivots, t * n, n);
        return p;
    }

    /** Copies the factors into {@code dst} (off-heap, at least count·n² numbers). */
    void copyTo(DoublePointer dst) {
        dst.put(heap, 0, heap.length);
    }

    /** The pivots off-heap for a LAPACK call, in this thread's int scratch buffer. */
    IntPointer pivots() {
        IntPointer p = scratchInts(heapPivots.length);
        p.put(heapPivots, 0, heapPivots.length);
        return p;
    }

    private double diagonal(int t, int i) {
        return heap[t * n * n + i * (n + 1)];
    }

    /** ±1: the sign of matrix t's row permutation. */
    private double parity(int t) {
        double s = 1;
        for (int i = 0; i < n; i++) if (heapPivots[t * n + i] != i + 1) s = -s;
        return s;
    }

    /** {det, log |det|} of every matrix, read off the pivots once, when first needed. */
    private synchronized double[][] determinants() {
        if (det == null) {
            double[] d = new double[count];
            double[] log = new double[count];
            for (int t = 0; t < count; t++) {
                double p = parity(t);
                double l = 0;
                for (int i = 0; i < n; i++) {
                    double u = diagonal(t, i);
                    p *= u;
                    l += Math.log(Math.abs(u));
                }
                d[t] = p;
                log[t] = l;
            }
            logAbsDet = log;
            det = d;
        }
        return new double[][] {det, logAbsDet};
    }

    /** This thread's scratch buffer of at least {@code n} ints. */
    private static IntPointer scratchInts(long n) {
        IntPointer[] s = INT_SCRATCH.get();
        if (s[0] == null || s[0].capacity() < n) {
            if (s[0] != null) s[0].deallocate();
            s[0] = new IntPointer(Math.max(1, n));
        }
        return s[0];
    }
}
