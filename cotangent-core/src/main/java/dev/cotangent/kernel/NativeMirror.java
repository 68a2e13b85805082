package dev.cotangent.kernel;

import java.lang.ref.WeakReference;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Off-heap copies of Java arrays for BLAS and LAPACK calls. JNI hands a {@code double[]} to native code by copying
 * it in and out on every call, which costs more than a matrix-vector product; so each thread keeps the off-heap
 * copies ("mirrors") of the last {@value #SLOTS} operand arrays it passed to native code, and an array read again
 * while its mirror is still there is not copied again: the activations and cotangents that a training step reads
 * in two products, or a weight matrix read by every step. Cotangent's arrays are immutable, so a mirror stays valid
 * for as long as its array lives.
 *
 * <p>Memory is bounded and released without the garbage collector: a new operand reuses the least recently used
 * slot's buffer (reallocating it only when too small), the slots of a thread hold at most {@value #BUDGET_MB} MB
 * together (the least recently used ones are freed at once to stay under it), and an operand too large for a slot
 * ({@value #LARGEST_MB} MB and up) goes through a scratch buffer per call. An array is known by its identity, held
 * weakly, so a mirror never keeps its array alive.
 *
 * <p>Code that writes into an array that may have been an operand (an in-place update) must call {@link #forget}
 * first (through {@link ArrayCaches#overwritten}); it reaches the mirrors of every thread. As a safety net, a mirror also remembers {@value #SAMPLES} of its array's values, spread over it, and is
 * copied again when one of them differs; that catches an in-place update of every element (an optimiser step),
 * not a change elsewhere.
 */
final class NativeMirror {
    static final int SLOTS = 16;
    static final int BUDGET_MB = 256;
    static final int LARGEST_MB = 64;
    static final int SAMPLES = 8;
    /** Operands shorter than this are copied into a scratch buffer: their copy costs less than the bookkeeping. */
    static final int SMALLEST = 1024;

    private static final ThreadLocal<DoublePointer[]> SCRATCH = ThreadLocal.withInitial(() -> new DoublePointer[3]);
    private static final ThreadLocal<Slots> MIRRORS = ThreadLocal.withInitial(Slots::new);
    /** The arrays most recently forgotten, by sequence number modulo its length, for the other threads to catch up. */
    private static final WeakReference<?>[] FORGOTTEN = new WeakReference<?>[64];
    /** How many arrays have been forgotten so far; written under the lock of {@link #FORGOTTEN}. */
    private static volatile long forgottenCount;

    static {
        // loads the JavaCPP runtime and OpenBLAS before the first off-heap allocation
        org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas.class);
    }

    private NativeMirror() {}

    /**
     * The off-heap copy of operand {@code a}: its mirror (made now if it has none), or for a very small or very
     * large array a copy in this thread's scratch buffer number {@code slot} (0 or 1, one per operand of a call).
     * Valid until this thread's next call of {@code operand}, {@code scratch} or {@code forget}.
     */
    static DoublePointer operand(double[] a, int slot) {
        if (a.length < SMALLEST || (long) a.length * Double.BYTES >= (long) LARGEST_MB << 20) {
            DoublePointer s = scratch(slot, a.length);
            s.put(a, 0, a.length);
            return s;
        }
        Slots slots = MIRRORS.get();
        if (slots.seen != forgottenCount) slots.catchUp();
        return slots.mirror(a);
    }

    /**
     * Drops every thread's mirror of {@code a}: this thread's at once, the others' before their next operand (each
     * thread compares a counter of forgotten arrays with the one it saw last). Call it before writing into an array
     * that BLAS has read.
     */
    static void forget(double[] a) {
        synchronized (FORGOTTEN) {
            FORGOTTEN[(int) (forgottenCount % FORGOTTEN.length)] = new WeakReference<>(a);
            forgottenCount++;
        }
        MIRRORS.get().forget(a);
    }

    /** Bytes of off-heap memory this thread's mirrors hold. */
    static long mirrorBytes() {
        return MIRRORS.get().bytes;
    }

    /** This thread's scratch buffer number {@code slot} (2 is for results), of at least {@code n} doubles. */
    static DoublePointer scratch(int slot, long n) {
        DoublePointer[] s = SCRATCH.get();
        if (s[slot] == null || s[slot].capacity() < n) {
            if (s[slot] != null) s[slot].deallocate();
            s[slot] = new DoublePointer(Math.max(1, n));
        }
        return s[slot];
    }

    /** A view of {@code p} starting {@code offset} elements in (shares memory; does not own it). */
    static DoublePointer at(DoublePointer p, long offset) {
        return offset == 0 ? p : new DoublePointer(p).position(offset);
    }

    /** One thread's mirrors, least recently used first replaced. */
    private static final class Slots {
        private final WeakReference<?>[] owner = new WeakReference<?>[SLOTS];
        private final DoublePointer[] buffer = new DoublePointer[SLOTS];
        private final double[][] sample = new double[SLOTS][SAMPLES];
        private final long[] lastUse = new long[SLOTS];
        private long clock;
        private long bytes;
        /** The value of {@code forgottenCount} up to which this thread has dropped forgotten arrays. */
        private long seen;

        /** Drops the mirrors of arrays other threads forgot since this thread last looked (all, if too many). */
        void catchUp() {
            synchronized (FORGOTTEN) {
                long now = forgottenCount;
                if (now - seen > FORGOTTEN.length) {
                    java.util.Arrays.fill(owner, null);
                } else {
                    for (long k = seen; k < now; k++) {
                        Object x = FORGOTTEN[(int) (k % FORGOTTEN.length)].get();
                        if (x instanceof double[] a) forget(a);
                    }
                }
                seen = now;
            }
        }

        DoublePointer mirror(double[] a) {
            clock++;
            for (int i = 0; i < SLOTS; i++) {
                if (owner[i] != null && owner[i].get() == a) {
                    lastUse[i] = clock;
                    if (!sampleMatches(i, a)) fill(i, a);
                    return buffer[i];
                }
            }
            int i = leastRecentlyUsed();
            long need = (long) a.length * Double.BYTES;
            if (buffer[i] == null || buffer[i].capacity() < a.length) {
                free(i);
                while (bytes + need > (long) BUDGET_MB << 20 && freeLeastRecentlyUsedExcept(i)) {
                    // freed one more slot's buffer
                }
                buffer[i] = new DoublePointer(a.length);
                bytes += need;
            }
            owner[i] = new WeakReference<>(a);
            lastUse[i] = clock;
            fill(i, a);
            return buffer[i];
        }

        void forget(double[] a) {
            for (int i = 0; i < SLOTS; i++) {
                if (owner[i] != null && owner[i].get() == a) owner[i] = null;
            }
        }

        private void fill(int i, double[] a) {
            buffer[i].put(a, 0, a.length);
            for (int s = 0; s < SAMPLES; s++) sample[i][s] = a[samplePosition(s, a.length)];
        }

        private boolean sampleMatches(int i, double[] a) {
            for (int s = 0; s < SAMPLES; s++) {
                if (Double.doubleToRawLongBits(sample[i][s]) != Double.doubleToRawLongBits(a[samplePosition(s, a.length)])) {
                    return false;
                }
            }
            return true;
        }

        private static int samplePosition(int s, int n) {
            return (int) ((long) s * (n - 1) / (SAMPLES - 1));
        }

        private int leastRecentlyUsed() {
            int best = 0;
            for (int i = 0; i < SLOTS; i++) {
                if (owner[i] == null || owner[i].get() == null) return i; // an empty slot, or its array was collected
                if (lastUse[i] < lastUse[best]) best = i;
            }
            return best;
        }

        private boolean freeLeastRecentlyUsedExcept(int keep) {
            int victim = -1;
            for (int i = 0; i < SLOTS; i++) {
                if (i != keep && buffer[i] != null && (victim < 0 || lastUse[i] < lastUse[victim])) victim = i;
            }
            if (victim < 0) return false;
            free(victim);
            return true;
        }

        private void free(int i) {
            if (buffer[i] != null) {
                bytes -= buffer[i].capacity() * Double.BYTES;
                buffer[i].deallocate();
                buffer[i] = null;
            }
            owner[i] = null;
        }
    }
}
