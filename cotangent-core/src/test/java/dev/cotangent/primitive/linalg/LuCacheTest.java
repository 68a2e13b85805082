package dev.cotangent.primitive.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Linalg;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The LU cache: one factorization serves solve, its derivatives, inv and the determinants of the same matrix. */
class LuCacheTest {

    private static Tensor matrix(long seed, int n) {
        double[] d = NDArray.uniform(new SplittableRandom(seed), -1, 1, n, n).toArray();
        for (int i = 0; i < n; i++) d[i * n + i] += n;
        return Tensor.of(new int[] {n, n}, d);
    }

    @Test
    void solveAndItsGradientFactorOnce() {
        Tensor a = matrix(1, 6);
        Tensor b = Tensor.from(NDArray.uniform(new SplittableRandom(2), -1, 1, 6, 2));
        long before = LuCache.factorizations();
        Tensor[] g = AD.grad((Tensor x, Tensor y) -> Linalg.solve(x, y).square().sum()).apply(a, b);
        // forward getrf, then the VJP's transposed solve with the same factors
        assertEquals(1, LuCache.factorizations() - before);
        assertTrue(LuCache.contains(a.value()));
        // and det, logAbsDet, signDet, inv and the JVP of solve on the same matrix factor nothing new
        Linalg.det(a);
        Linalg.logAbsDet(a);
        Linalg.signDet(a);
        Linalg.inv(a);
        AD.jvp(x -> Linalg.solve(x, b), a, a).tangent();
        assertEquals(1, LuCache.factorizations() - before);
        assertEquals(6, g[0].shape()[0]);
    }

    @Test
    void aReshapeSharingTheArrayIsNotMistakenForTheSameMatrices() {
        Tensor a = matrix(3, 4); // 16 numbers: one 4×4, or four 2×2 after a reshape sharing the array
        Linalg.det(a);
        Tensor four = Tensor.from(a.value().reshape(4, 2, 2));
        assertFalse(LuCache.contains(four.value()));
        double[] d = a.toArray();
        double[] want = new double[4];
        for (int t = 0; t < 4; t++) want[t] = d[4 * t] * d[4 * t + 3] - d[4 * t + 1] * d[4 * t + 2];
        assertArrayEquals(want, Linalg.det(four).toArray(), 1e-12);
    }

    @Test
    void onlyTheLastFewFactorizationsAreKept() {
        Tensor first = matrix(10, 3);
        Linalg.det(first);
        for (int i = 0; i < LuCache.CAPACITY; i++) Linalg.det(matrix(100 + i, 3));
        assertFalse(LuCache.contains(first.value()));
    }
}
