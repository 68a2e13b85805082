package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The 0·∞ problem of where: where(x > 0, √x, 0) has gradient NaN at 0 (the branch not taken gets a zero cotangent
 * and √'s derivative there is ∞), anomaly mode names the op that made it, and safeWhere gives the derivatives of
 * the piecewise function at every order, in both modes: 0 where x ≤ 0, and √'s (x^{−1/2}/2, −x^{−3/2}/4,
 * 3x^{−5/2}/8) where x > 0.
 */
class SafeWhereTest {
    private static final Tensor ZERO = Tensor.scalar(0);

    private static Tensor unsafe(Tensor x) {
        return Ops.where(Ops.gt(x, ZERO), Ops.sqrt(x), x.mul(0));
    }

    private static Tensor safe(Tensor x) {
        return Ops.safeWhere(Ops.gt(x, ZERO), x, Ops::sqrt, z -> z.mul(0));
    }

    @Test
    void plainWhereGivesNaNAtZeroAndSafeWhereGivesZero() {
        assertTrue(Double.isNaN(AD.grad(SafeWhereTest::unsafe).apply(ZERO).item()));
        assertEquals(0.0, AD.grad(SafeWhereTest::safe).apply(ZERO).item(), 0.0);
        assertEquals(0.0, safe(ZERO).item(), 0.0);
        assertEquals(2.0, safe(Tensor.scalar(4)).item(), 0.0);
        // the log branch: where(x > 0, log x, x) is NaN at 0 in reverse mode, safeWhere gives the other branch's 1
        Function<Tensor, Tensor> logUnsafe = x -> Ops.where(Ops.gt(x, ZERO), Ops.log(x), x);
        Function<Tensor, Tensor> logSafe = x -> Ops.safeWhere(Ops.gt(x, ZERO), x, Ops::log, z -> z);
        assertTrue(Double.isNaN(AD.grad(logUnsafe).apply(ZERO).item()));
        assertEquals(1.0, AD.grad(logSafe).apply(ZERO).item(), 0.0);
        assertEquals(0.5, AD.grad(logSafe).apply(Tensor.scalar(2)).item(), 0.0);
    }

    @Test
    void everyOrderInBothModes() {
        Function<Tensor, Tensor> f = SafeWhereTest::safe;
        Function<Tensor, Tensor> d1 = AD.grad(f);
        Function<Tensor, Tensor> d2 = AD.grad(d1);
        Function<Tensor, Tensor> d3 = AD.grad(d2);
        for (double x : new double[] {0, -1, -0.0}) {
            Tensor t = Tensor.scalar(x);
            assertEquals(0.0, d1.apply(t).item(), 0.0, "first at " + x);
            assertEquals(0.0, d2.apply(t).item(), 0.0, "second at " + x);
            assertEquals(0.0, d3.apply(t).item(), 0.0, "third at " + x);
            assertEquals(0.0, AD.jvp(f, t, Tensor.scalar(1)).tangent().item(), 0.0, "forward at " + x);
            Function<Tensor, Tensor> fwd1 = y -> AD.jvp(f, y, Tensor.scalar(1)).tangent();
            assertEquals(0.0, AD.jvp(fwd1, t, Tensor.scalar(1)).tangent().item(), 0.0, "forward²  at " + x);
        }
        Tensor four = Tensor.scalar(4);
        assertEquals(0.25, d1.apply(four).item(), 1e-15);
        assertEquals(-1.0 / 32, d2.apply(four).item(), 1e-15);
        assertEquals(3.0 / 256, d3.apply(four).item(), 1e-15);
        // Hessians of Σ safe(x_i), forward over reverse and reverse over reverse: diag of the second derivatives
        Function<Tensor, Tensor> sum = x -> safe(x).sum();
        Tensor x = Tensor.of(0, 4, -2, 1);
        double[] diag = {0, 0, 0, 0, 0, -1.0 / 32, 0, 0, 0, 0, 0, 0, 0, 0, 0, -0.25};
        assertArrayEquals(diag, AD.hessian(sum).apply(x).toArray(), 1e-15);
        assertArrayEquals(diag, AD.jacrev(AD.grad(sum)).apply(x).toArray(), 1e-15);
        assertArrayEquals(diag, AD.jacfwd(AD.jacfwd(sum)).apply(x).toArray(), 1e-15);
        // and under vmap
        assertArrayEquals(new double[] {0, 0.25, 0, 0.5}, AD.vmap(d1).apply(x).toArray(), 1e-15);
    }

    @Test
    void anomalyModeNamesTheOpWhenTheUnsafeFormMakesNaN() {
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> AD.detectAnomaly(() -> AD.grad(SafeWhereTest::unsafe).apply(ZERO)));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("sqrt"), e.getMessage());
        // the safe form runs clean under anomaly mode, to second order
        assertEquals(0.0, AD.detectAnomaly(() -> AD.grad(AD.grad(SafeWhereTest::safe)).apply(ZERO)).item(), 0.0);
    }
}
