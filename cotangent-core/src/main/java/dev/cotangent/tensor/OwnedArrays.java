package dev.cotangent.tensor;

import dev.cotangent.kernel.ArrayCaches;

/**
 * The one sanctioned way to change an array that an {@link NDArray} wraps: its owner announces the write first,
 * so that no cache of the core (BLAS operand mirrors, LU factorizations, all keyed by the array's identity) keeps
 * the old values.
 *
 * <p>Values are immutable everywhere else. Only code that owns an array outright may write it: it made the array
 * and handed it to no one who expects it to stay put (an in-place optimiser's parameter arrays, for example).
 * Every tensor that wraps the array sees the new values, views made by {@code reshape} included; a tape or a
 * graph that holds the array must be done with it before the write.
 */
public final class OwnedArrays {
    private OwnedArrays() {}

    /** Call before overwriting {@code data}: drops what every cache keeps of it, in every thread. */
    public static void beforeWrite(double[] data) {
        ArrayCaches.overwritten(data);
    }
}
