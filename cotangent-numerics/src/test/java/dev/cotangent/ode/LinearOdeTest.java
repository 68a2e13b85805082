package dev.cotangent.ode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Checkpoints;
import dev.cotangent.Tensor;
import dev.cotangent.ode.OdeOptions.Gradient;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * dx/dt = A x has x(t) = e^{tA} x₀, so x(1), ∂x(1)/∂x₀ = e^A and ∂(c·x(1))/∂A_ij = cᵀ L(A, E_ij) x₀ (the Fréchet
 * derivative of the exponential) are known independently of the solver ({@link MatrixExp}): every method and
 * both gradients are checked against them, and against central finite differences.
 */
class LinearOdeTest {
    /** A non-normal 3×3 matrix with eigenvalues of both signs (norm ≈ 2). */
    static final double[][] A = {{-0.5, 1.2, 0.3}, {-0.8, 0.1, 0.7}, {0.2, -0.4, -1.1}};
    static final double[] X0 = {1.0, -0.5, 2.0};
    static final double[] C = {0.7, -1.3, 0.4};
    static final BiFunction<Tensor, Tensor, Tensor> U = (x, a) -> a.matmul(x);

    static final OdeOptions TIGHT = OdeOptions.dopri5(1e-11, 1e-13);

    static Tensor a() {
        return Tensor.of(A);
    }

    static Tensor x0() {
        return Tensor.of(X0);
    }

    /** c·x(1) as a function of A. */
    static Function<Tensor, Tensor> lossOfA(OdeOptions o) {
        Tensor c = Tensor.of(C);
        return a -> Ode.solve(U, x0(), a, 1.0, o).mul(c).sum();
    }

    /** ∂(c·e^A x₀)/∂A from the Fréchet derivative, entry by entry. */
    static double[] exactGradientOfA() {
        double[] g = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double[][] e = new double[3][3];
                e[i][j] = 1;
                double[] lx = MatrixExp.apply(MatrixExp.frechet(A, e), X0);
                for (int r = 0; r < 3; r++) g[3 * i + j] += C[r] * lx[r];
            }
        }
        return g;
    }

    @Test
    void solutionIsTheMatrixExponential() {
        double[] want = MatrixExp.apply(MatrixExp.expm(A), X0);
        assertArrayEquals(want, Ode.solve(U, x0(), a(), 1.0, TIGHT).toArray(), 1e-9, "dopri5");
        assertArrayEquals(want, Ode.solve(U, x0(), a(), 1.0, OdeOptions.dopri5(1e-6, 1e-8)).toArray(), 1e-4,
                "dopri5 at 1e-6");
        assertArrayEquals(want, Ode.solve(U, x0(), a(), 1.0, OdeOptions.rk4(200)).toArray(), 1e-8, "rk4(200)");
        // several output times: x(t) = e^{tA} x0 at each
        double[] times = {0, 0.25, 0.5, 1.0};
        Tensor xs = Ode.solve(U, x0(), a(), times, TIGHT);
        assertArrayEquals(new int[] {4, 3}, xs.shape());
        for (int k = 0; k < times.length; k++) {
            double[][] ta = new double[3][3];
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) ta[i][j] = times[k] * A[i][j];
            double[] w = MatrixExp.apply(MatrixExp.expm(ta), X0);
            double[] got = java.util.Arrays.copyOfRange(xs.toArray(), 3 * k, 3 * k + 3);
            assertArrayEquals(w, got, 1e-9, "t = " + times[k]);
        }
    }

    @Test
    void jacobianInX0IsTheExponential() {
        double[][] e = MatrixExp.expm(A);
        double[] want = new double[9];
        for (int i = 0; i < 3; i++) System.arraycopy(e[i], 0, want, 3 * i, 3);
        for (OdeOptions o : new OdeOptions[] {TIGHT, TIGHT.withGradient(Gradient.ADJOINT),
                TIGHT.withCheckpoints(Checkpoints.binomial(3)), OdeOptions.rk4(200).withCheckpoints(Checkpoints.every(7))}) {
            double[] rev = AD.jacrev((Tensor x) -> Ode.solve(U, x, a(), 1.0, o)).apply(x0()).toArray();
            assertArrayEquals(want, rev, 1e-8, "reverse mode, " + o);
            double[] fwd = AD.jacfwd((Tensor x) -> Ode.solve(U, x, a(), 1.0, o)).apply(x0()).toArray();
            assertArrayEquals(want, fwd, 1e-8, "forward mode, " + o);
        }
    }

    @Test
    void gradientInAIsTheFrechetDerivative() {
        double[] want = exactGradientOfA();
        double[] discrete = AD.grad(lossOfA(TIGHT)).apply(a()).toArray();
        assertArrayEquals(want, discrete, 1e-9, "DISCRETE, tight tolerance");
        double[] adjoint = AD.grad(lossOfA(TIGHT.withGradient(Gradient.ADJOINT))).apply(a()).toArray();
        assertArrayEquals(want, adjoint, 1e-8, "ADJOINT, tight tolerance");
        double[] rk4 = AD.grad(lossOfA(OdeOptions.rk4(400).withCheckpoints(Checkpoints.binomial(4)))).apply(a())
                .toArray();
        assertArrayEquals(want, rk4, 1e-8, "DISCRETE rk4(400), binomial(4)");
        // central finite differences of the (tightly) computed solution
        Function<Tensor, Tensor> f = lossOfA(TIGHT);
        double eps = 1e-5;
        for (int k = 0; k < 9; k++) {
            double[] p = a().toArray();
            double[] m = a().toArray();
            p[k] += eps;
            m[k] -= eps;
            double fd = (f.apply(Tensor.of(new int[] {3, 3}, p)).item() - f.apply(Tensor.of(new int[] {3, 3}, m)).item())
                    / (2 * eps);
            assertEquals(want[k], fd, 1e-6, "finite difference, entry " + k);
        }
    }

    @Test
    void adjointMatchesDiscreteWithinTheTolerance() {
        double[] exact = exactGradientOfA();
        double prev = Double.POSITIVE_INFINITY;
        for (double tol : new double[] {1e-4, 1e-6, 1e-8}) {
            OdeOptions o = OdeOptions.dopri5(tol, tol);
            double[] d = AD.grad(lossOfA(o)).apply(a()).toArray();
            double[] j = AD.grad(lossOfA(o.withGradient(Gradient.ADJOINT))).apply(a()).toArray();
            double gap = maxAbs(d, j);
            double scale = maxAbs(exact, new double[9]);
            assertTrue(gap <= 10 * tol * scale, "tol " + tol + ": |ADJOINT − DISCRETE| = " + gap);
            assertTrue(maxAbs(d, exact) <= 10 * tol * scale, "tol " + tol + ": DISCRETE off the exact gradient");
            assertTrue(gap < prev, "the gap does not shrink with the tolerance: " + gap + " after " + prev);
            prev = gap;
        }
    }

    @Test
    void outputsAtSeveralTimesDifferentiateAlike() {
        double[] times = {0.3, 0.7, 1.2};
        Tensor w = Tensor.of(new int[] {3, 3}, 1, -2, 0.5, 0.3, 0.1, -0.7, 2, 0.4, -1);
        Function<OdeOptions, double[]> grad = o -> AD.grad((Tensor a) -> Ode.solve(U, x0(), a, times, o).mul(w).sum())
                .apply(a()).toArray();
        double[] discrete = grad.apply(TIGHT);
        double[] adjoint = grad.apply(TIGHT.withGradient(Gradient.ADJOINT));
        // the exact gradient: Σ_k Σ_r w_kr (L(t_k A, t_k E_ij) x0)_r
        double[] want = new double[9];
        for (int k = 0; k < times.length; k++) {
            double[][] ta = new double[3][3];
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) ta[i][j] = times[k] * A[i][j];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double[][] e = new double[3][3];
                    e[i][j] = times[k];
                    double[] lx = MatrixExp.apply(MatrixExp.frechet(ta, e), X0);
                    for (int r = 0; r < 3; r++) want[3 * i + j] += w.toArray()[3 * k + r] * lx[r];
                }
            }
        }
        assertArrayEquals(want, discrete, 1e-8, "DISCRETE");
        assertArrayEquals(want, adjoint, 1e-8, "ADJOINT");
    }

    /**
     * A stiff, strongly contracting flow (eigenvalues −1 and −50): x re-integrated backwards from x(1) amplifies the
     * fast mode's errors by e^50, so the adjoint's drift check refuses it; restarting x from 20 stored states
     * (withAdjointCheckpoints) gives the Fréchet derivative again, and its tape holds those states, not the steps.
     */
    @Test
    void unstableBackwardFlowIsRefusedAndCheckpointsFixIt() {
        double[][] stiff = {{-1, 0.3}, {0, -50}};
        double[] ones = {1, 1};
        Tensor x0 = Tensor.of(ones);
        OdeOptions adjoint = OdeOptions.dopri5(1e-8, 1e-10).withGradient(Gradient.ADJOINT);
        Function<OdeOptions, Function<Tensor, Tensor>> loss = o -> a -> Ode.solve(U, x0, a, 1.0, o).sum();
        OdeException e = org.junit.jupiter.api.Assertions.assertThrows(OdeException.class,
                () -> AD.grad(loss.apply(adjoint)).apply(Tensor.of(stiff)));
        assertTrue(e.getMessage().contains("withAdjointCheckpoints") && e.time() == 0, e.getMessage());
        double[] want = new double[4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double[][] d = new double[2][2];
                d[i][j] = 1;
                double[] lx = MatrixExp.apply(MatrixExp.frechet(stiff, d), ones);
                want[2 * i + j] = lx[0] + lx[1];
            }
        }
        double[] got = AD.grad(loss.apply(adjoint.withAdjointCheckpoints(20))).apply(Tensor.of(stiff)).toArray();
        assertArrayEquals(want, got, 1e-7);
        long tape20 = AD.vjp(loss.apply(adjoint.withAdjointCheckpoints(20)), Tensor.of(stiff)).savedBytes();
        long tape40 = AD.vjp(loss.apply(adjoint.withAdjointCheckpoints(40)), Tensor.of(stiff)).savedBytes();
        long tapeTight = AD.vjp(loss.apply(OdeOptions.dopri5(1e-11, 1e-13).withGradient(Gradient.ADJOINT)
                .withAdjointCheckpoints(20)), Tensor.of(stiff)).savedBytes();
        assertEquals(20 * 16, tape40 - tape20, "20 more stored states of 2 doubles");
        assertEquals(tape20, tapeTight, "the tape does not grow with the steps");
    }

    static double maxAbs(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
