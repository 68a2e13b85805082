package dev.cotangent.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link GemmSum}: products added by a GEMM of β = 1 give the bits of the separate product added to the sum (the
 * reverse sweep's general path), for every transpose and inner dimensions up to {@link GemmSum#MAX_INNER}; the
 * operands are left as they were.
 */
class GemmSumTest {

    private static double[] random(Random r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = r.nextDouble() * 2 - 1;
        return a;
    }

    @Test
    void productsAddedInPlaceHaveTheBitsOfSeparateProductsAdded() {
        Random r = new Random(7);
        int[][] sizes = {{256, 256, 1}, {256, 256, 64}, {256, 256, GemmSum.MAX_INNER}, {40, 30, 7}, {3, 500, 33}};
        for (int[] s : sizes) {
            int m = s[0], n = s[1], k = s[2];
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                double[] start = random(r, m * n);
                double[] expected = start.clone();
                double[][] as = new double[3][], bs = new double[3][];
                try (GemmSum sum = new GemmSum(start, m, n)) {
                    for (int p = 0; p < 3; p++) {
                        as[p] = random(r, m * k);
                        bs[p] = random(r, k * n);
                        double[] c = new double[m * n];
                        Blas.gemm(ta, tb, m, n, k, as[p], 0, bs[p], 0, c, 0);
                        for (int i = 0; i < c.length; i++) expected[i] += c[i];
                        double[] a0 = as[p].clone(), b0 = bs[p].clone();
                        sum.addProduct(ta, tb, k, as[p], 0, bs[p], 0);
                        assertArrayEquals(a0, as[p], 0.0);
                        assertArrayEquals(b0, bs[p], 0.0);
                    }
                    double[] got = new double[m * n];
                    sum.copyTo(got);
                    String where = m + "x" + n + "x" + k + " transA=" + ta + " transB=" + tb;
                    for (int i = 0; i < got.length; i++) {
                        assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(got[i]),
                                () -> where + ": not the bits of the separate sum");
                    }
                }
            }
        }
    }

    @Test
    void theStartArrayIsCopiedNotWritten() {
        double[] start = random(new Random(3), 64 * 64);
        double[] before = start.clone();
        try (GemmSum sum = new GemmSum(start, 64, 64)) {
            sum.addProduct(false, false, 2, random(new Random(4), 128), 0, random(new Random(5), 128), 0);
        }
        assertArrayEquals(before, start, 0.0);
    }

    @Test
    void aClosedSumSaysSo() {
        GemmSum sum = new GemmSum(new double[4], 2, 2);
        sum.close();
        sum.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sum.copyTo(new double[4]));
        assertTrue(e.getMessage().contains("GemmSum.copyTo") && e.getMessage().contains("closed"), e.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class, () -> new GemmSum(new double[3], 2, 2));
        assertTrue(s.getMessage().contains("2×2") && s.getMessage().contains("3 values"), s.getMessage());
    }
}
