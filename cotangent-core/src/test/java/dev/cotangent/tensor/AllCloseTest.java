package dev.cotangent.tensor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** allClose: |a - b| <= atol + rtol·|b| elementwise, same shape, NaN only close to NaN, infinities exact. */
class AllCloseTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    private static boolean close(double a, double b) {
        return NDArray.of(a).allClose(NDArray.of(b));
    }

    @Test
    void defaultTolerances() {
        assertTrue(close(1, 1));
        assertTrue(close(1, 1 + 9e-6), "within rtol 1e-5");
        assertFalse(close(1, 1 + 2e-5), "outside rtol");
        assertTrue(close(0, 9e-9), "within atol 1e-8");
        assertFalse(close(0, 2e-8), "outside atol");
        assertTrue(close(1e6, 1e6 + 9), "rtol scales with |b|");
        assertFalse(close(1e6, 1e6 + 11));
    }

    @Test
    void explicitTolerancesAndAsymmetry() {
        NDArray a = NDArray.of(1.0, 2.0);
        assertTrue(a.allClose(NDArray.of(1.1, 2.0), 0, 0.1 + 1e-12));
        assertFalse(a.allClose(NDArray.of(1.2, 2.0), 0, 0.1));
        assertTrue(a.allClose(NDArray.of(1.0, 2.0), 0, 0), "exact");
        // the tolerance is relative to the second argument, as in NumPy: |10 - 11| <= 0.095·|b|
        assertTrue(NDArray.of(10).allClose(NDArray.of(11), 0.095, 0), "relative to b = 11");
        assertFalse(NDArray.of(11).allClose(NDArray.of(10), 0.095, 0), "relative to b = 10");
    }

    @Test
    void shapesMustMatch() {
        assertFalse(NDArray.of(1, 2).allClose(NDArray.of(new double[][] {{1, 2}})));
        assertFalse(NDArray.scalar(1).allClose(NDArray.of(1)));
        assertTrue(NDArray.zeros(0, 2).allClose(NDArray.zeros(0, 2)));
    }

    @Test
    void nanAndInfinities() {
        assertTrue(close(Double.NaN, Double.NaN), "NaN is close to NaN (documented choice)");
        assertFalse(close(Double.NaN, 1));
        assertFalse(close(1, Double.NaN));
        assertTrue(close(INF, INF));
        assertTrue(close(-INF, -INF));
        // |inf - (-inf)| = inf <= atol + rtol·inf = inf would say "close"; NumPy says no, and so must we
        assertFalse(close(INF, -INF));
        assertFalse(close(-INF, INF));
        assertFalse(close(1e308, INF));
        assertFalse(close(INF, 1e308));
    }
}
