package dev.cotangent.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;

/**
 * Naive reference helpers for the tensor tests: index arithmetic written out longhand, independent of the
 * strides and odometers in the code under test, and comparisons that treat NaN as equal to NaN.
 */
final class Ref {
    private Ref() {}

    static int size(int[] dims) {
        int s = 1;
        for (int d : dims) s *= d;
        return s;
    }

    /** The multi-index of row-major position {@code flat}. */
    static int[] unravel(int flat, int[] dims) {
        int[] idx = new int[dims.length];
        for (int i = dims.length - 1; i >= 0; i--) {
            idx[i] = flat % dims[i];
            flat /= dims[i];
        }
        return idx;
    }

    /** The row-major position of a multi-index. */
    static int ravel(int[] idx, int[] dims) {
        int flat = 0;
        for (int i = 0; i < dims.length; i++) flat = flat * dims[i] + idx[i];
        return flat;
    }

    /** The element of {@code from} (right-aligned, size-1 axes repeated) seen at {@code outIdx} of a broadcast. */
    static double broadcastGet(double[] data, int[] from, int[] outIdx) {
        int off = outIdx.length - from.length;
        int[] idx = new int[from.length];
        for (int i = 0; i < from.length; i++) idx[i] = from[i] == 1 ? 0 : outIdx[i + off];
        return data[ravel(idx, from)];
    }

    static int[] ints(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Random values: small integers (so that ties and exact equalities happen) or spread-out reals. */
    static double[] values(Random rnd, int n, boolean smallInts) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = smallInts ? rnd.nextInt(7) - 3 : rnd.nextDouble() * 8 - 4;
        return d;
    }

    /** Exact equality, NaN equal to NaN, with the position named on failure. */
    static void assertSame(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (Double.compare(expected[i], actual[i]) != 0 && !(expected[i] == actual[i])) {
                fail(what + ": at " + i + " expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }

    /** |e - a| <= tol·max(1, |e|) everywhere, NaN equal to NaN, infinities equal. */
    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            boolean ok = Double.isNaN(e) ? Double.isNaN(a)
                    : Double.isInfinite(e) ? e == a
                    : Math.abs(e - a) <= tol * Math.max(1, Math.abs(e));
            if (!ok) fail(what + ": at " + i + " expected " + e + " but was " + a);
        }
    }

    static void assertShape(NDArray a, int... dims) {
        assertArrayEquals(dims, a.shape(), "shape " + a.dims());
    }
}
