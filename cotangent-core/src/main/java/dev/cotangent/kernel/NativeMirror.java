package dev.cotangent.kernel;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Off-heap copies of Java arrays for BLAS calls. JNI hands a {@code double[]} to native code by copying it in
 * and out on every call, which costs more than a matrix-vector product. Cotangent's arrays are immutable, so an
 * off-heap copy made once stays valid for as long as the array lives: this cache keeps one per array (weakly
 * keyed by identity; the native memory is freed after the array is collected). Only read-only operands are
 * mirrored; results go through a per-thread scratch buffer.
 */
final class NativeMirror {
    private static final Map<double[], DoublePointer> MIRRORS = Collections.synchronizedMap(new WeakHashMap<>());
    private static final ThreadLocal<DoublePointer[]> SCRATCH = ThreadLocal.withInitial(() -> new DoublePointer[1]);

    static {
        // loads the JavaCPP runtime and OpenBLAS before the first off-heap allocation
        org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas.class);
    }

    private NativeMirror() {}

    /** The off-heap copy of {@code a}, made on first use. {@code a} must never be modified afterwards. */
    static DoublePointer of(double[] a) {
        DoublePointer p = MIRRORS.get(a);
        if (p == null) {
            p = new DoublePointer(Math.max(1, a.length));
            p.put(a);
            MIRRORS.put(a, p);
        }
        return p;
    }

    /** A per-thread off-heap buffer of at least {@code n} doubles, for results. */
    static DoublePointer scratch(long n) {
        DoublePointer[] s = SCRATCH.get();
        if (s[0] == null || s[0].capacity() < n) {
            if (s[0] != null) s[0].deallocate();
            s[0] = new DoublePointer(Math.max(1, n));
        }
        return s[0];
    }

    /** A view of {@code p} starting {@code offset} elements in (shares memory; does not own it). */
    static DoublePointer at(DoublePointer p, long offset) {
        return offset == 0 ? p : new DoublePointer(p).position(offset);
    }
}
