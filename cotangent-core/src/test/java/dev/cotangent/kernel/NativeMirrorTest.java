package dev.cotangent.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.junit.jupiter.api.Test;

/** The off-heap mirrors of BLAS operands: reused while recent, bounded, and never stale after forget. */
class NativeMirrorTest {

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void anOperandReadTwiceIsCopiedOnce() {
        double[] a = filled(5000, 2.0);
        DoublePointer first = NativeMirror.operand(a, 0);
        DoublePointer again = NativeMirror.operand(a, 1);
        assertSame(first, again, "the second read uses the mirror made by the first");
        assertEquals(2.0, again.get(4999));
    }

    @Test
    void forgetThenWriteGivesTheNewValues() {
        // A = 2·I_n (n = 40, 1600 elements: mirrored), B = ones: AB = 2·ones; after writing 3·I and forget, 3·ones
        int n = 40;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) a[i * n + i] = 2;
        double[] b = filled(n * n, 1.0);
        double[] c = new double[n * n];
        Blas.gemm(false, false, n, n, n, a, 0, b, 0, c, 0);
        assertArrayEquals(filled(n * n, 2.0), c);
        Blas.forget(a);
        a[n + 1] = 3; // one element only: the sampled check alone would not see it
        for (int i = 0; i < n; i++) a[i * n + i] = 3;
        Blas.gemm(false, false, n, n, n, a, 0, b, 0, c, 0);
        assertArrayEquals(filled(n * n, 3.0), c);
    }

    @Test
    void anUpdateOfEveryElementIsSeenEvenWithoutForget() {
        double[] a = filled(4096, 1.0);
        double[] b = filled(64 * 64, 1.0);
        double[] c = new double[64 * 64];
        Blas.gemm(false, false, 64, 64, 64, a, 0, b, 0, c, 0);
        assertEquals(64.0, c[0]);
        for (int i = 0; i < a.length; i++) a[i] = 0.5; // an optimiser step written in place, without forget
        Blas.gemm(false, false, 64, 64, 64, a, 0, b, 0, c, 0);
        assertArrayEquals(filled(64 * 64, 32.0), c);
    }

    @Test
    void mirrorsAreBoundedBySlotCountAndFreedWithoutTheCollector() throws Exception {
        long[] bytes = new long[1];
        double[] last = new double[1];
        Thread fresh = new Thread(() -> { // a thread of its own: its mirrors start empty
            double[][] keep = new double[100][];
            for (int t = 0; t < 100; t++) {
                keep[t] = filled(1 << 17, t); // 1 MiB each, all still reachable
                NativeMirror.operand(keep[t], 0);
            }
            bytes[0] = NativeMirror.mirrorBytes();
            last[0] = NativeMirror.operand(keep[99], 0).get(0);
        });
        fresh.start();
        fresh.join();
        assertTrue(bytes[0] <= (long) NativeMirror.SLOTS << 20, "100 live arrays of 1 MiB hold " + bytes[0] + " bytes off-heap");
        assertEquals(99.0, last[0]);
    }

    @Test
    void largeOperandsStayUnderTheBudget() {
        for (int t = 0; t < 12; t++) {
            NativeMirror.operand(filled(6 << 20, t), 0); // 48 MiB each: under the largest mirrored size
            long bytes = NativeMirror.mirrorBytes();
            assertTrue(bytes <= (long) NativeMirror.BUDGET_MB << 20, "after " + (t + 1) + " operands: " + bytes + " bytes");
        }
    }
}
