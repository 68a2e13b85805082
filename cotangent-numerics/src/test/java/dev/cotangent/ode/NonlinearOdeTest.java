package dev.cotangent.ode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Checkpoints;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.ode.OdeOptions.Gradient;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A nonlinear field u(x, θ) = tanh(W x + b) − x/2 with θ = (W, b) packed in one vector: DISCRETE is the exact
 * gradient of the computed solution under every checkpoint schedule, ADJOINT agrees with it within the
 * tolerance, forward mode agrees with reverse mode, and ADJOINT's tape does not grow with the number of steps.
 */
class NonlinearOdeTest {
    static final BiFunction<Tensor, Tensor, Tensor> U = (x, th) -> Ops.slice(th, 0, 0, 4).reshape(2, 2).matmul(x)
            .add(Ops.slice(th, 0, 4, 6)).tanh().sub(x.mul(0.5));
    static final Tensor X0 = Tensor.of(0.8, -0.4);
    static final Tensor THETA = Tensor.of(0.3, -1.9, 1.7, 0.2, 0.1, -0.3);
    static final Tensor C = Tensor.of(1.0, -2.0);
    static final double T1 = 3.0;

    static Function<Tensor, Tensor> loss(OdeOptions o) {
        return th -> Ode.solve(U, X0, th, T1, o).mul(C).sum();
    }

    static double[] grad(OdeOptions o) {
        return AD.grad(loss(o)).apply(THETA).toArray();
    }

    @Test
    void everyScheduleGivesTheSameDiscreteGradient() {
        for (OdeOptions base : List.of(OdeOptions.dopri5(1e-6, 1e-8), OdeOptions.rk4(37))) {
            double[] plain = grad(base);
            for (Checkpoints p : List.of(Checkpoints.every(1), Checkpoints.every(4), Checkpoints.binomial(1),
                    Checkpoints.binomial(3), Checkpoints.binomial(50))) {
                assertArrayEquals(plain, grad(base.withCheckpoints(p)), 1e-13, base + " with " + p);
            }
        }
    }

    @Test
    void discreteValueIsTheDirectSolve() {
        OdeOptions o = OdeOptions.dopri5(1e-6, 1e-8).withCheckpoints(Checkpoints.binomial(2));
        double direct = loss(o).apply(THETA).item();
        assertEquals(direct, AD.valueAndGrad(loss(o), THETA).value().item(), 0.0);
        assertEquals(direct, AD.valueAndGrad(loss(o.withGradient(Gradient.ADJOINT)), THETA).value().item(), 0.0);
    }

    /**
     * With five RK4 steps the solution is far from the flow, but DISCRETE differentiates what was computed: finite
     * differences of the same five steps agree with it to 1e-8, while ADJOINT (the flow's gradient) does not.
     */
    @Test
    void discreteIsTheGradientOfTheComputedSolution() {
        OdeOptions coarse = OdeOptions.rk4(5).withCheckpoints(Checkpoints.binomial(2));
        double[] g = grad(coarse);
        Function<Tensor, Tensor> f = loss(coarse);
        double eps = 1e-6;
        double[] fd = new double[6];
        for (int k = 0; k < 6; k++) {
            double[] p = THETA.toArray();
            double[] m = THETA.toArray();
            p[k] += eps;
            m[k] -= eps;
            fd[k] = (f.apply(Tensor.of(p)).item() - f.apply(Tensor.of(m)).item()) / (2 * eps);
        }
        assertArrayEquals(fd, g, 1e-8);
        double[] flow = grad(OdeOptions.dopri5(1e-10, 1e-12).withGradient(Gradient.ADJOINT));
        assertTrue(LinearOdeTest.maxAbs(flow, g) > 1e-4, "five RK4 steps should be visibly off the flow's gradient");
    }

    @Test
    void adjointAgreesWithDiscreteWithinTheTolerance() {
        double[] exact = grad(OdeOptions.dopri5(1e-12, 1e-14));
        double scale = LinearOdeTest.maxAbs(exact, new double[6]);
        for (double tol : new double[] {1e-5, 1e-7, 1e-9}) {
            OdeOptions o = OdeOptions.dopri5(tol, tol);
            double[] d = grad(o);
            double[] j = grad(o.withGradient(Gradient.ADJOINT));
            assertTrue(LinearOdeTest.maxAbs(d, j) <= 10 * tol * scale, "tol " + tol + ": gap " + LinearOdeTest.maxAbs(d, j));
            assertTrue(LinearOdeTest.maxAbs(j, exact) <= 10 * tol * scale, "tol " + tol + ": ADJOINT off");
        }
        // RK4 forward, DOPRI5 backward at the adjoint tolerances
        double[] rk = grad(OdeOptions.rk4(400).withGradient(Gradient.ADJOINT).withAdjointTolerances(1e-10, 1e-12));
        assertArrayEquals(exact, rk, 1e-8);
    }

    @Test
    void forwardModeAgreesWithReverseMode() {
        Tensor v = Tensor.of(0.5, -1, 0.25, 2, -0.7, 0.1);
        for (OdeOptions o : List.of(OdeOptions.dopri5(1e-9, 1e-11), OdeOptions.dopri5(1e-9, 1e-11)
                .withGradient(Gradient.ADJOINT), OdeOptions.rk4(50).withCheckpoints(Checkpoints.binomial(3)))) {
            double[] g = grad(o);
            double dot = 0;
            for (int i = 0; i < 6; i++) dot += g[i] * v.toArray()[i];
            double jvp = AD.jvp(loss(o), THETA, v).tangent().item();
            assertEquals(dot, jvp, 1e-8, o.toString());
        }
    }

    @Test
    void secondOrderThroughTheSteps() {
        OdeOptions o = OdeOptions.rk4(20).withCheckpoints(Checkpoints.every(6));
        Tensor v = Tensor.of(1, 0, -1, 0.5, 0.2, 0);
        double[] hv = AD.hvp(loss(o), THETA, v).toArray();
        double eps = 1e-5;
        double[] gp = AD.grad(loss(o)).apply(THETA.add(v.mul(eps))).toArray();
        double[] gm = AD.grad(loss(o)).apply(THETA.sub(v.mul(eps))).toArray();
        for (int i = 0; i < 6; i++) assertEquals((gp[i] - gm[i]) / (2 * eps), hv[i], 1e-6, "entry " + i);
    }

    /**
     * Forward-over-reverse through ADJOINT: the adjoint rule runs on forward-mode tracers (its step sizes are
     * constants), giving the Hessian-vector product of the flow within the tolerance of DISCRETE's.
     */
    @Test
    void hessianVectorProductThroughTheAdjoint() {
        Tensor v = Tensor.of(1, 0, -1, 0.5, 0.2, 0);
        OdeOptions o = OdeOptions.dopri5(1e-10, 1e-10);
        double[] discrete = AD.hvp(loss(o), THETA, v).toArray();
        double[] adjoint = AD.hvp(loss(o.withGradient(Gradient.ADJOINT)), THETA, v).toArray();
        assertArrayEquals(discrete, adjoint, 1e-7);
        assertTrue(LinearOdeTest.maxAbs(discrete, new double[6]) > 1, "a non-trivial Hessian-vector product");
    }

    /** vmap over a batch of initial states: RK4 (fixed steps) batches; DOPRI5, whose steps need values, says so. */
    @Test
    void vmapOverInitialStates() {
        Tensor batch = Tensor.of(new double[][] {{0.8, -0.4}, {0.1, 0.3}, {-1.0, 0.5}});
        OdeOptions o = OdeOptions.rk4(30).withCheckpoints(Checkpoints.every(7));
        double[] together = AD.vmap((Tensor x) -> Ode.solve(U, x, THETA, T1, o)).apply(batch).toArray();
        for (int i = 0; i < 3; i++) {
            double[] one = Ode.solve(U, Tensor.of(java.util.Arrays.copyOfRange(batch.toArray(), 2 * i, 2 * i + 2)), THETA,
                    T1, o).toArray();
            assertArrayEquals(one, java.util.Arrays.copyOfRange(together, 2 * i, 2 * i + 2), 1e-14, "example " + i);
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AD.vmap((Tensor x) -> Ode.solve(U, x, THETA, T1, OdeOptions.dopri5(1e-6, 1e-8))).apply(batch));
        assertTrue(e.getMessage().contains("rk4"), e.getMessage());
    }

    /**
     * The tape of reverse mode over ADJOINT keeps the call's operands and result only, whatever the number of
     * steps; DISCRETE with all() keeps every step's values.
     */
    @Test
    void adjointTapeDoesNotGrowWithTheSteps() {
        long[] adjoint = new long[2];
        long[] discrete = new long[2];
        int[] steps = new int[2];
        double[] tols = {1e-4, 1e-10};
        for (int i = 0; i < 2; i++) {
            OdeOptions o = OdeOptions.dopri5(tols[i], tols[i]);
            steps[i] = Ode.plan(U, X0, THETA, new double[] {T1}, o).accepted();
            adjoint[i] = AD.vjp(loss(o.withGradient(Gradient.ADJOINT)), THETA).savedBytes();
            discrete[i] = AD.vjp(loss(o), THETA).savedBytes();
        }
        assertTrue(steps[1] > 5 * steps[0], steps[0] + " and " + steps[1] + " steps");
        assertEquals(adjoint[0], adjoint[1], "ADJOINT's tape");
        assertTrue(adjoint[0] <= 8 * (2 + 6 + 2 + 2 + 2), "ADJOINT's tape keeps " + adjoint[0] + " bytes");
        assertTrue(discrete[1] > 4 * discrete[0], "DISCRETE's tape: " + discrete[0] + " then " + discrete[1]);
    }
}
