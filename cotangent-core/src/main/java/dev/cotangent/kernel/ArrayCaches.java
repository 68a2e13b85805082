package dev.cotangent.kernel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The caches that know an array by its identity (BLAS operand mirrors, LU factorizations), and the one call that
 * tells all of them that an array was overwritten. Cotangent's arrays are immutable, which is what makes those
 * caches sound; the one exception is an owner that writes an array in place on purpose (an optimiser's in-place
 * update), and it calls {@link #overwritten} before writing.
 */
public final class ArrayCaches {
    private static final List<Consumer<double[]>> FORGETTERS = new CopyOnWriteArrayList<>();

    private ArrayCaches() {}

    /** Adds a cache's way of dropping what it keeps of an array; called once by each cache when it is loaded. */
    public static void register(Consumer<double[]> forget) {
        FORGETTERS.add(forget);
    }

    /**
     * Drops everything any cache keeps of {@code a}, in every thread: call it before writing into an array that
     * may have been an operand, or a later product or solve could read the old values. Writing while another
     * thread reads the array is a data race all the same; this only makes the caches forget.
     */
    public static void overwritten(double[] a) {
        NativeMirror.forget(a);
        for (Consumer<double[]> f : FORGETTERS) f.accept(a);
    }
}
