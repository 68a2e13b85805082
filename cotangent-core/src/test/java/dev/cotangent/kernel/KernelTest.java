package dev.cotangent.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The loops over {@code double[]} called directly: they write only the first n outputs, may run in place
 * where documented, and the strided broadcasting loop and reductions index as their javadoc says.
 */
class KernelTest {

    @Test
    void unaryWritesOnlyTheFirstNAndMayRunInPlace() {
        double[] x = {1, 4, 9, 16};
        double[] out = {-1, -1, -1, -1};
        UnaryKernel.apply(UnaryKernel.Fn.SQRT, x, out, 3);
        assertArrayEquals(new double[] {1, 2, 3, -1}, out);
        UnaryKernel.apply(UnaryKernel.Fn.NEG, x, x, 4);
        assertArrayEquals(new double[] {-1, -4, -9, -16}, x, "in place");
    }

    @Test
    void unaryFunctionsWithoutAnNDArrayMethod() {
        double[] out = new double[4];
        UnaryKernel.apply(UnaryKernel.Fn.SQUARE, new double[] {-3, 0.5, 0, 1e200}, out, 4);
        assertArrayEquals(new double[] {9, 0.25, 0, Double.POSITIVE_INFINITY}, out);
        UnaryKernel.apply(UnaryKernel.Fn.RECIPROCAL, new double[] {4, -0.5, 0, -0.0}, out, 4);
        assertArrayEquals(new double[] {0.25, -2, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, out);
        UnaryKernel.apply(UnaryKernel.Fn.FLOOR, new double[] {1.5, -1.5, 2, -0.0}, out, 4);
        assertArrayEquals(new double[] {1, -2, 2, -0.0}, out);
        assertEquals("softplus", UnaryKernel.Fn.SOFTPLUS.label());
        assertEquals("maximum", BinaryKernel.Fn.MAXIMUM.label());
    }

    @Test
    void binaryContiguousAndScalarForms() {
        double[] a = {1, 2, 3};
        double[] b = {4, 5, 6};
        double[] out = {0, 0, 0, 99};
        BinaryKernel.same(BinaryKernel.Fn.SUB, a, b, out, 3);
        assertArrayEquals(new double[] {-3, -3, -3, 99}, out);
        BinaryKernel.scalarRight(BinaryKernel.Fn.DIV, a, 2, out, 3);
        assertArrayEquals(new double[] {0.5, 1, 1.5, 99}, out);
        BinaryKernel.scalarLeft(BinaryKernel.Fn.DIV, 6, a, out, 3);
        assertArrayEquals(new double[] {6, 3, 2, 99}, out);
        BinaryKernel.scalarLeft(BinaryKernel.Fn.POW, 2, a, out, 3);
        assertArrayEquals(new double[] {2, 4, 8, 99}, out);
        BinaryKernel.scalarRight(BinaryKernel.Fn.GT, a, 2, out, 3);
        assertArrayEquals(new double[] {0, 0, 1, 99}, out);
    }

    @Test
    void stridedBroadcastColumnAgainstRow() {
        // a is a column [2,1] (strides {1, 0}), b a row [1,3] (strides {0, 1}); out is [2,3]
        double[] a = {10, 20};
        double[] b = {1, 2, 3};
        for (BinaryKernel.Fn fn : new BinaryKernel.Fn[] {BinaryKernel.Fn.ADD, BinaryKernel.Fn.SUB}) {
            double[] out = new double[6];
            BinaryKernel.strided(fn, a, new int[] {1, 0}, b, new int[] {0, 1}, new int[] {2, 3}, out);
            double[] expected = fn == BinaryKernel.Fn.ADD ? new double[] {11, 12, 13, 21, 22, 23}
                    : new double[] {9, 8, 7, 19, 18, 17};
            assertArrayEquals(expected, out, fn.label());
        }
        // a transposed view read through strides: a = [[1,2],[3,4]] read as its transpose, plus 0
        double[] out = new double[4];
        BinaryKernel.strided(BinaryKernel.Fn.MUL, new double[] {1, 2, 3, 4}, new int[] {1, 2}, new double[] {2}, new int[] {0, 0},
                new int[] {2, 2}, out);
        assertArrayEquals(new double[] {2, 6, 4, 8}, out);
    }

    @Test
    void reduceContiguousHonoursOffsetAndStride() {
        double[] x = {100, 1, 100, 2, 100, 3, 100};
        assertEquals(6, ReduceKernel.reduceContiguous(ReduceKernel.Fn.SUM, x, 1, 3, 2));
        assertEquals(6, ReduceKernel.reduceContiguous(ReduceKernel.Fn.PROD, x, 1, 3, 2));
        assertEquals(3, ReduceKernel.reduceContiguous(ReduceKernel.Fn.MAX, x, 1, 3, 2));
        assertEquals(1, ReduceKernel.reduceContiguous(ReduceKernel.Fn.MIN, x, 1, 3, 2));
        // log(e + e^2 + e^3) = 3 + log(e^-2 + e^-1 + 1)
        assertEquals(3 + Math.log(Math.exp(-2) + Math.exp(-1) + 1),
                ReduceKernel.reduceContiguous(ReduceKernel.Fn.LOGSUMEXP, x, 1, 3, 2), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, ReduceKernel.reduceContiguous(ReduceKernel.Fn.LOGSUMEXP, x, 0, 0, 1));
    }

    @Test
    void reduceMiddleAxisAndArgmax() {
        // x[2][3][2] = i*6 + j*2 + k; sum over j: i*18 + 6 + 3k
        double[] x = new double[12];
        for (int i = 0; i < 12; i++) x[i] = i;
        double[] out = new double[4];
        ReduceKernel.reduce(ReduceKernel.Fn.SUM, x, new int[] {2, 3, 2}, new boolean[] {false, true, false}, out);
        assertArrayEquals(new double[] {6, 9, 24, 27}, out);
        double[] arg = new double[4];
        ReduceKernel.argmax(new double[] {0, 5, 5, 1, 2, 9, 9, 0, 3, 3, 3, 3}, new int[] {2, 3, 2}, 1, arg);
        // column (i=0,k=0): 0,5,2 -> 1; (0,1): 5,1,9 -> 2; (1,0): 9,3,3 -> 0; (1,1): 0,3,3 -> 1 (first of the tie)
        assertArrayEquals(new double[] {1, 2, 0, 1}, arg);
    }
}
