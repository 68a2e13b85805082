package dev.cotangent.kernel;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Off-heap copies of Java arrays for BLAS calls. JNI hands a {@code double[]} to native code by copying it in
 * and out on every call, which costs more than a matrix-vector product. Cotangent's arrays are immutable, so an
 * off-heap copy stays valid for as long as its array lives: an array that BLAS reads again and again (a weight
 * matrix across a recurrence, a data matrix across optimisation steps) gets one, kept in a cache weakly keyed by
 * the array's identity and freed after the array is collected. An array read once or twice (an activation, a
 * weight that the optimiser replaces every step) is only copied into a per-thread scratch buffer: caching those
 * would leave native memory waiting for the garbage collector.
 */
final class NativeMirror {
    /** Reads of an array before it earns a cached copy. */
    private static final int USES_BEFORE_CACHING = 3;
    private static final Map<double[], DoublePointer> MIRRORS = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<double[], int[]> USES = Collections.synchronizedMap(new WeakHashMap<>());
    private static final ThreadLocal<DoublePointer[]> SCRATCH = ThreadLocal.withInitial(() -> new DoublePointer[3]);

    static {
        // loads the JavaCPP runtime and OpenBLAS before the first off-heap allocation
        org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas.class);
    }

    private NativeMirror() {}

    /**
     * The off-heap copy of operand {@code a}: its cached copy, or a copy in this thread's scratch buffer number
     * {@code slot} (0 or 1, one per operand of a call). {@code a} must never be modified afterwards.
     */
    static DoublePointer operand(double[] a, int slot) {
        DoublePointer p = MIRRORS.get(a);
        if (p != null) return p;
        int uses = USES.computeIfAbsent(a, k -> new int[1])[0]++;
        if (uses + 1 >= USES_BEFORE_CACHING) {
            p = new DoublePointer(Math.max(1, a.length));
            p.put(a);
            MIRRORS.put(a, p);
            USES.remove(a);
            return p;
        }
        DoublePointer s = scratch(slot, a.length);
        s.put(a, 0, a.length);
        return s;
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
}
