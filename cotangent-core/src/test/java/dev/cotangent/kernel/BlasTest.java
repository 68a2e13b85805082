package dev.cotangent.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The OpenBLAS binding on its own: operands that start inside larger arrays (the copy path that keeps
 * JavaCPP away from offset heap buffers), output written only in its window, k = 0, and the thread knob.
 */
class BlasTest {

    @Test
    void operandsAndOutputAtOffsetsInsideLargerArrays() {
        // A = [[1,2],[3,4]] at offset 3 of a, B = [[5,6],[7,8]] at offset 1 of b; AB = [[19,22],[43,50]]
        double[] a = {-9, -9, -9, 1, 2, 3, 4, -9};
        double[] b = {-9, 5, 6, 7, 8};
        double[] c = {100, 100, 100, 100, 100, 100, 100};
        Blas.gemm(false, false, 2, 2, 2, a, 3, b, 1, c, 2);
        assertArrayEquals(new double[] {100, 100, 19, 22, 43, 50, 100}, c);
        assertArrayEquals(new double[] {-9, -9, -9, 1, 2, 3, 4, -9}, a, "a untouched");
        assertArrayEquals(new double[] {-9, 5, 6, 7, 8}, b, "b untouched");
    }

    @Test
    void transposedOperandsAtOffsets() {
        // stored Aᵀ = [[1,3],[2,4]], stored Bᵀ = [[5,7],[6,8]]: op(A) op(B) is still [[19,22],[43,50]]
        double[] a = {0, 1, 3, 2, 4};
        double[] b = {5, 7, 6, 8, 0, 0};
        double[] c = new double[5];
        Blas.gemm(true, true, 2, 2, 2, a, 1, b, 0, c, 1);
        assertArrayEquals(new double[] {0, 19, 22, 43, 50}, c);
    }

    @Test
    void nonSquareDirectCall() {
        // [1,2,3] (1x3) times [[1],[1],[1]] (3x1) = [6]; and 3x1 times 1x2 is the outer product
        double[] c = new double[1];
        Blas.gemm(false, false, 1, 1, 3, new double[] {1, 2, 3}, 0, new double[] {1, 1, 1}, 0, c, 0);
        assertArrayEquals(new double[] {6}, c);
        double[] o = new double[6];
        Blas.gemm(false, false, 3, 2, 1, new double[] {1, 2, 3}, 0, new double[] {10, 20}, 0, o, 0);
        assertArrayEquals(new double[] {10, 20, 20, 40, 30, 60}, o);
    }

    @Test
    void emptyInnerDimensionWritesZerosInTheWindowOnly() {
        double[] c = {7, 7, 7, 7, 7, 7};
        Blas.gemm(false, false, 2, 2, 0, new double[0], 0, new double[0], 0, c, 1);
        assertArrayEquals(new double[] {7, 0, 0, 0, 0, 7}, c);
        double[] d = {7};
        Blas.gemm(false, false, 0, 3, 2, new double[0], 0, new double[6], 0, d, 0);
        assertArrayEquals(new double[] {7}, d, "m = 0 writes nothing");
    }

    @Test
    void threadsReportsAPositiveCountAndFollowsSetThreads() {
        int before = Blas.threads();
        assertTrue(before >= 1, "threads() before any setThreads: " + before);
        try {
            Blas.setThreads(1);
            assertEquals(1, Blas.threads());
            Blas.setThreads(2);
            assertEquals(2, Blas.threads());
        } finally {
            Blas.setThreads(before);
        }
    }

    @Test
    void setThreadsRejectsZero() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Blas.setThreads(0));
        assertEquals("Blas.setThreads: 0 threads; give 1 or more", e.getMessage());
    }
}
