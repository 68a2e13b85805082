package dev.cotangent.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cotangent.Linalg;
import dev.cotangent.Tensor;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * An owner that overwrites an array in place after announcing it ({@link OwnedArrays#beforeWrite}) gets results from
 * the new values: no BLAS operand mirror (in this thread or another) and no cached LU factorization serves the old
 * ones. The writes change one element away from the mirror's sampled positions, which its own safety net would
 * not see; these tests fail when the announcement does nothing (checked by removing it).
 */
class OwnedArraysTest {
    static final int N = 64;

    static double[] random(long seed) {
        Random r = new Random(seed);
        double[] a = new double[N * N];
        for (int i = 0; i < a.length; i++) a[i] = r.nextGaussian();
        return a;
    }

    /** A·B with fresh copies of both, so no cache can be involved. */
    static double[] freshProduct(double[] a, double[] b) {
        return Tensor.of(new int[] {N, N}, a.clone()).matmul(Tensor.of(new int[] {N, N}, b.clone())).toArray();
    }

    @Test
    void aProductAfterAnAnnouncedWriteReadsTheNewValues() {
        double[] a = random(1);
        double[] b = random(2);
        Tensor ta = Tensor.from(NDArray.wrap(Shape.of(N, N), a));
        Tensor tb = Tensor.from(NDArray.wrap(Shape.of(N, N), b));
        for (int k = 0; k < 3; k++) ta.matmul(tb); // a and b are mirrored off-heap now
        OwnedArrays.beforeWrite(a);
        a[5] += 1.0; // element 5 is none of the mirror's sampled positions
        assertArrayEquals(freshProduct(a, b), ta.matmul(tb).toArray(), 0.0);
    }

    @Test
    void anotherThreadsMirrorIsDroppedToo() throws Exception {
        double[] a = random(3);
        double[] b = random(4);
        Tensor ta = Tensor.from(NDArray.wrap(Shape.of(N, N), a));
        Tensor tb = Tensor.from(NDArray.wrap(Shape.of(N, N), b));
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture.runAsync(() -> {
                for (int k = 0; k < 3; k++) ta.matmul(tb);
            }, other).get();
            OwnedArrays.beforeWrite(a);
            a[7] -= 2.0;
            double[] there = CompletableFuture.supplyAsync(() -> ta.matmul(tb).toArray(), other).get();
            assertArrayEquals(freshProduct(a, b), there, 0.0);
        } finally {
            other.shutdown();
        }
    }

    @Test
    void aCachedLuFactorizationIsDropped() {
        double[] a = random(5);
        Tensor ta = Tensor.from(NDArray.wrap(Shape.of(N, N), a));
        Linalg.det(ta); // factors cached by the array's identity
        OwnedArrays.beforeWrite(a);
        a[N + 1] *= 3.0;
        double want = Linalg.det(Tensor.of(new int[] {N, N}, a.clone())).item();
        assertEquals(want, Linalg.det(ta).item(), 0.0);
    }
}
