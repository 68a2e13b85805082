package dev.cotangent.kernel;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;

/**
 * The LU factorizations (partial pivoting) of a stack of n×n matrices, as {@link Lapack#getrf} leaves them: the
 * factors of each matrix's transpose in LAPACK's column-major layout, and its 1-based pivots. Each matrix's
 * determinant is read off the factors on first request. Immutable once made.
 *
 * <p>Where they live: a stack of up to {@value #ON_HEAP_UP_TO} numbers stays on the Java heap and is copied into
 * a scratch buffer for each later LAPACK call (a few microseconds), because allocating off-heap memory through
 * JavaCPP costs 3 to 10 µs, a third of a 64×64 factorization. A larger one stays off-heap, where a later solve
 * uses it without copying it, and is freed by the garbage collector with this object.
 */
public final class LuFactors {
    /** The largest stack (in numbers) kept on the heap. */
    static final int ON_HEAP_UP_TO = 1 << 14;
    private static final ThreadLocal<IntPointer[]> INT_SCRATCH = ThreadLocal.withInitial(() -> new IntPointer[1]);

    final int n;
    final int count;
    final int[] zeroPivot;
    private final double[] heap;
    private final int[] heapPivots;
    private final DoublePointer factors;
    private final IntPointer pivots;
    private double[] det;
    private double[] logAbsDet;

    LuFactors(int n, int count) {
        this.n = n;
        this.count = count;
        this.zeroPivot = new int[count];
        long size = (long) count * n * n;
        if (size <= ON_HEAP_UP_TO) {
            heap = new double[(int) size];
            heapPivots = new int[count * n];
            factors = null;
            pivots = null;
        } else {
            heap = null;
            heapPivots = null;
            factors = new DoublePointer(size);
            pivots = new IntPointer((long) count * n);
        }
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

    /** Whether the factors are on the Java heap. */
    boolean onHeap() {
        return heap != null;
    }

    /** Where getrf writes the factors: the owned off-heap buffer, or this thread's scratch buffer {@code slot}. */
    DoublePointer factorsOut(int slot) {
        return heap == null ? factors : NativeMirror.scratch(slot, Math.max(1, heap.length));
    }

    /** Where getrf writes the pivots: the owned buffer or this thread's scratch. */
    IntPointer pivotsOut() {
        return pivots != null ? pivots : scratchInts(heapPivots.length);
    }

    /** After getrf wrote into {@link #factorsOut} and {@link #pivotsOut}: keeps them, if they live on the heap. */
    void keep(DoublePointer f, IntPointer p) {
        if (heap == null) return;
        f.get(heap, 0, heap.length);
        p.get(heapPivots, 0, heapPivots.length);
    }

    /** The factors off-heap for a LAPACK call: the owned buffer, or this thread's scratch buffer {@code slot}. */
    DoublePointer factors(int slot) {
        if (heap == null) return factors;
        DoublePointer p = NativeMirror.scratch(slot, Math.max(1, heap.length));
        p.put(heap, 0, heap.length);
        return p;
    }

    /** Copies the factors into {@code dst} (off-heap, at least count·n² numbers). */
    void copyTo(DoublePointer dst) {
        if (heap != null) {
            dst.put(heap, 0, heap.length);
        } else {
            org.bytedeco.javacpp.Pointer.memcpy(dst, factors, (long) count * n * n * Double.BYTES);
        }
    }

    /** The pivots off-heap for a LAPACK call: the owned buffer, or this thread's int scratch buffer. */
    IntPointer pivots() {
        if (pivots != null) return pivots;
        IntPointer p = scratchInts(heapPivots.length);
        p.put(heapPivots, 0, heapPivots.length);
        return p;
    }

    private double diagonal(int t, int i) {
        long at = (long) t * n * n + (long) i * (n + 1);
        return heap != null ? heap[(int) at] : factors.get(at);
    }

    /** ±1: the sign of matrix t's row permutation. */
    private double parity(int t) {
        int[] piv = new int[n];
        if (heapPivots != null) {
            System.arraycopy(heapPivots, t * n, piv, 0, n);
        } else {
            new IntPointer(pivots).position((long) t * n).get(piv, 0, n);
        }
        double s = 1;
        for (int i = 0; i < n; i++) if (piv[i] != i + 1) s = -s;
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
