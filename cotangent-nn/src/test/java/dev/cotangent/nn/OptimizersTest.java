package dev.cotangent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cotangent.Tensor;
import dev.cotangent.estimate.FiniteDifference;
import dev.cotangent.estimate.TwoPoint;
import dev.cotangent.nn.optim.Adam;
import dev.cotangent.nn.optim.Descent;
import dev.cotangent.nn.optim.GradientDescent;
import dev.cotangent.nn.optim.Momentum;
import dev.cotangent.nn.optim.Optimizer;
import dev.cotangent.nn.optim.Schedule;
import dev.cotangent.optim.Objective;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every training optimiser on the quadratic f(θ) = ½ (θ − c)ᵀ A (θ − c) over a two-tensor tree, whose minimiser
 * c is known, and gradient descent on estimated gradients (L-BFGS, Newton and the solvers: cotangent-numerics'
 * OptimizersTest).
 */
class OptimizersTest {
    // A = diag(1, 4, 9) on "a" (2 entries) and "b" (1 entry); minimiser c.
    static final double[] DIAG = {1, 4, 9};
    static final double[] C = {1.5, -2.0, 0.5};
    static final Tensor DIAG_T = Tensor.of(DIAG);
    static final Tensor C_T = Tensor.of(C);

    static final Function<Map<String, Tensor>, Tensor> QUADRATIC = p -> {
        Tensor th = dev.cotangent.Ops.concat(0, p.get("a"), p.get("b"));
        Tensor d = th.sub(C_T);
        return d.square().mul(DIAG_T).sum().mul(0.5);
    };

    static Map<String, Tensor> start() {
        return Params.of("a", Tensor.of(0, 0), "b", Tensor.of(3));
    }

    static <S> Map<String, Tensor> run(Optimizer<S> opt, int steps) {
        return Descent.run(Objective.autodiff(QUADRATIC), opt, start(), steps, null);
    }

    static void assertAtMinimiser(Map<String, Tensor> p, double tol) {
        assertArrayEquals(C, Params.flatten(p), tol);
    }

    @Test
    void gradientDescentConverges() {
        assertAtMinimiser(run(new GradientDescent(1.0 / 9), 400), 1e-10);
    }

    @Test
    void gradientDescentStepIsExact() {
        Optimizer.Update<GradientDescent.State> u = new GradientDescent(0.1).step(Params.of("x", Tensor.of(1, 2)),
                Params.of("x", Tensor.of(10, -10)), new GradientDescent.State(0));
        assertArrayEquals(new double[] {0, 3}, Params.flatten(u.params()), 1e-15);
        assertEquals(1, u.state().step());
    }

    @Test
    void momentumAndNesterovConverge() {
        assertAtMinimiser(run(new Momentum(0.05, 0.9, false), 600), 1e-8);
        assertAtMinimiser(run(new Momentum(0.05, 0.9, true), 600), 1e-8);
    }

    @Test
    void nesterovLooksAhead() {
        // One step from v = 0: heavy ball moves by α g, Nesterov by α (1 + β) g.
        var p = Params.of("x", Tensor.of(0.0));
        var g = Params.of("x", Tensor.of(1.0));
        var hb = new Momentum(0.1, 0.5, false);
        var nag = new Momentum(0.1, 0.5, true);
        assertEquals(-0.1, Params.flatten(hb.step(p, g, hb.init(p)).params())[0], 1e-15);
        assertEquals(-0.15, Params.flatten(nag.step(p, g, nag.init(p)).params())[0], 1e-15);
    }

    @Test
    void adamConverges() {
        assertAtMinimiser(run(Adam.adam(Schedule.cosine(0.05, 3000, 1e-5)), 3000), 1e-4);
    }

    @Test
    void adamFirstStepHasTheLearningRateAsLength() {
        var p = Params.of("x", Tensor.of(0.0, 0.0));
        var g = Params.of("x", Tensor.of(3.0, -0.001));
        var adam = Adam.adam(0.01);
        assertArrayEquals(new double[] {-0.01, 0.01}, Params.flatten(adam.step(p, g, adam.init(p)).params()), 1e-7);
    }

    @Test
    void adamWDecaysWeightsDecoupledFromTheGradient() {
        var p = Params.of("x", Tensor.of(2.0));
        var zero = Params.of("x", Tensor.of(0.0));
        var adamW = Adam.adamW(Schedule.constant(0.1), 0.5);
        // With a zero gradient the Adam part is 0 and θ ← θ (1 − αλ).
        assertEquals(2.0 * (1 - 0.05), Params.flatten(adamW.step(p, zero, adamW.init(p)).params())[0], 1e-15);
        var adamL2 = new Adam(Schedule.constant(0.1), 0.9, 0.999, 1e-8, 0.5, false);
        // L2 inside Adam: the decay goes through the normalisation, so the first step has length α.
        assertEquals(2.0 - 0.1, Params.flatten(adamL2.step(p, zero, adamL2.init(p)).params())[0], 1e-7);
        assertAtMinimiser(run(Adam.adamW(Schedule.cosine(0.05, 3000, 1e-5), 0.0), 3000), 1e-4);
    }

    @Test
    void schedules() {
        assertEquals(0.5, Schedule.exponential(1, 0.5).at(1), 0);
        assertEquals(0.25, Schedule.stepDecay(1, 0.5, 10).at(25), 0);
        assertEquals(0.5, Schedule.inverseTime(1, 1).at(1), 0);
        assertEquals(1.0, Schedule.cosine(1, 10, 0).at(0), 1e-15);
        assertEquals(0.5, Schedule.cosine(1, 10, 0).at(5), 1e-15);
        assertEquals(0.0, Schedule.cosine(1, 10, 0).at(10), 1e-15);
        Schedule w = Schedule.constant(2).withWarmup(4);
        assertEquals(0.5, w.at(0), 0);
        assertEquals(2.0, w.at(3), 0);
        assertEquals(2.0, w.at(100), 0);
    }

    @Test
    void zeroOrderDescentConvergesOnAQuadratic() {
        Tensor a = Tensor.of(1, 2, 3);
        Function<Map<String, Tensor>, Tensor> f = p -> p.get("w").sub(1).square().mul(a).sum().mul(0.5);
        Map<String, Tensor> start = Params.of("w", Tensor.of(0, 0, 0));
        var fd = Descent.run(FiniteDifference.objective(f, 1e-5, FiniteDifference.Scheme.CENTRAL),
                new GradientDescent(1.0 / 3), start, 200, null);
        assertArrayEquals(new double[] {1, 1, 1}, Params.flatten(fd), 1e-8);
        var tp = Descent.run(new TwoPoint(f, 1e-5, 4), new GradientDescent(1.0 / 9), start, 3000, null);
        assertArrayEquals(new double[] {1, 1, 1}, Params.flatten(tp), 1e-6);
    }
}
