package dev.cotangent.ode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Orders and tolerances against closed forms (RK4's error falls 16-fold when h halves; DOPRI5's global error
 * follows its tolerance; Hairer's initial step by hand), and the failures: step size underflow at a blow-up,
 * NaN past the edge of u's domain, too many steps on a stiff problem, each naming the time reached.
 */
class AccuracyAndErrorsTest {
    /** The logistic equation x' = x(1 − x), x(0) = 0.1: x(t) = 1/(1 + 9e^{−t}). */
    static final BiFunction<Tensor, Tensor, Tensor> LOGISTIC = (x, th) -> x.mul(x.neg().add(1));
    static final Tensor NONE = Tensor.zeros(0);

    static double logisticError(OdeOptions o) {
        double exact = 1 / (1 + 9 * Math.exp(-2.0));
        return Math.abs(Ode.solve(LOGISTIC, Tensor.of(0.1), NONE, 2.0, o).item() - exact);
    }

    @Test
    void rk4IsFourthOrder() {
        double prev = logisticError(OdeOptions.rk4(4));
        for (int n = 8; n <= 64; n *= 2) {
            double e = logisticError(OdeOptions.rk4(n));
            double ratio = prev / e;
            assertTrue(ratio > 14 && ratio < 18.5, "error ratio " + ratio + " from " + n / 2 + " to " + n + " steps");
            prev = e;
        }
    }

    @Test
    void dopri5FollowsItsTolerance() {
        int stepsAtLoose = 0;
        for (double tol : new double[] {1e-4, 1e-6, 1e-8, 1e-10}) {
            OdeOptions o = OdeOptions.dopri5(tol, tol);
            double e = logisticError(o);
            assertTrue(e <= 10 * tol, "tolerance " + tol + ": error " + e);
            int steps = Ode.plan(LOGISTIC, Tensor.of(0.1), NONE, new double[] {2.0}, o).accepted();
            if (tol == 1e-4) stepsAtLoose = steps;
            // steps grow like tol^(−1/5): ×10 from 1e-5 to 1e-10 in theory
            if (tol == 1e-10) assertTrue(steps > 5 * stepsAtLoose && steps < 25 * stepsAtLoose, stepsAtLoose + " → " + steps);
        }
    }

    /** x' = −x, x₀ = 1, rtol = atol = 1e-6: by hand, h₀ = 0.01 and h = min(100·h₀, (0.01/5e5)^{1/5}). */
    @Test
    void initialStepIsHairers() {
        Field f = y -> new Tensor[] {y[0].neg()};
        Tensor[] y = {Tensor.of(1.0)};
        double h = Adaptive.initialStep(f, y, f.at(y), 1e-6, 1e-6, 10);
        assertEquals(Math.pow(2e-8, 0.2), h, 1e-12);
    }

    @Test
    void blowUpIsAStepSizeUnderflowAtTheSingularity() {
        // x' = x², x(0) = 1: x = 1/(1 − t) blows up at t = 1
        OdeException e = assertThrows(OdeException.class, () -> Ode.solve((x, th) -> x.mul(x), Tensor.of(1.0), NONE, 2.0,
                OdeOptions.dopri5(1e-6, 1e-9)));
        assertTrue(Math.abs(e.time() - 1) < 1e-3, "time " + e.time());
        assertTrue(e.getMessage().contains("t = " + e.time()), e.getMessage());
        assertTrue(e.getMessage().contains("step size"), e.getMessage());
    }

    @Test
    void nanIsReportedWithTheTime() {
        // x' = −1 while x > 0; u is NaN for x < 0 (0·log x), which x reaches at t = 1
        BiFunction<Tensor, Tensor, Tensor> u = (x, th) -> x.log().mul(0).sub(1);
        OdeException e = assertThrows(OdeException.class, () -> Ode.solve(u, Tensor.of(1.0), NONE, 2.0,
                OdeOptions.dopri5(1e-6, 1e-9)));
        assertTrue(e.time() > 0.99 && e.time() <= 1.0, "time " + e.time() + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        OdeException r = assertThrows(OdeException.class, () -> Ode.solve(u, Tensor.of(1.0), NONE, 2.0,
                OdeOptions.rk4(40)));
        assertTrue(r.time() >= 0.9 && r.time() <= 1.0, "rk4 time " + r.time() + ": " + r.getMessage());
        assertEquals(0.05, r.stepSize(), 1e-15);
        assertTrue(r.getMessage().contains("NaN") && r.getMessage().contains("t = " + r.time()), r.getMessage());
        // the same under reverse mode (DISCRETE through the scan)
        assertThrows(OdeException.class, () -> AD.grad((Tensor x) -> Ode.solve(u, x, NONE, 2.0, OdeOptions.rk4(40)).sum())
                .apply(Tensor.of(1.0)));
    }

    @Test
    void tooManyStepsOnAStiffProblem() {
        // x' = −10⁴ x: explicit DOPRI5 needs h ≲ 3.3e-4, so 10,000 steps or so to reach t = 3
        OdeException e = assertThrows(OdeException.class, () -> Ode.solve((x, th) -> x.mul(-1e4), Tensor.of(1.0), NONE, 3.0,
                OdeOptions.dopri5(1e-6, 1e-9).withMaxSteps(200)));
        assertTrue(e.getMessage().contains("more than 200 steps"), e.getMessage());
        assertTrue(e.time() > 0 && e.time() < 0.2, "time " + e.time());
        assertTrue(e.stepSize() > 0 && e.stepSize() < 1e-3, "step " + e.stepSize());
    }

    @Test
    void badArgumentsAreRefused() {
        BiFunction<Tensor, Tensor, Tensor> wrongShape = (x, th) -> x.sum();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ode.solve(wrongShape, Tensor.of(1, 2), NONE, 1.0, OdeOptions.rk4(3)));
        assertTrue(e.getMessage().contains("[2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ode.solve(LOGISTIC, Tensor.of(0.1), NONE,
                new double[] {0.5, 0.5}, OdeOptions.rk4(3)));
        assertThrows(IllegalArgumentException.class, () -> Ode.solve(LOGISTIC, Tensor.of(0.1), NONE, -1.0,
                OdeOptions.rk4(3)));
        assertThrows(IllegalArgumentException.class, () -> OdeOptions.dopri5(0, 0));
        assertThrows(IllegalArgumentException.class, () -> OdeOptions.rk4(0));
        assertEquals(0.1, Ode.solve(LOGISTIC, Tensor.of(0.1), NONE, 0.0, OdeOptions.dopri5(1e-6, 1e-6)).item());
    }
}
