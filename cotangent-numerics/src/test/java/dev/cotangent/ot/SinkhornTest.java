package dev.cotangent.ot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.check.GradCheck;
import dev.cotangent.check.Tolerance;
import dev.cotangent.implicit.ConvergenceException;
import dev.cotangent.ot.Sinkhorn.Gradient;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Sinkhorn against an independent textbook implementation (scaling form on double[]), against the closed form of
 * a 2×2 problem, the two gradients against each other and against finite differences, their memory, and errors.
 */
class SinkhornTest {
    final SplittableRandom rng = new SplittableRandom(21);

    /** A random problem: histograms of n and m bins and the squared distances of random points in the square. */
    record Problem(double[] a, double[] b, double[] c, int n, int m) {
        Tensor at() {
            return Tensor.of(a);
        }

        Tensor bt() {
            return Tensor.of(b);
        }

        Tensor ct() {
            return Tensor.of(new int[] {n, m}, c);
        }
    }

    Problem problem(int n, int m) {
        double[] a = histogram(n);
        double[] b = histogram(m);
        double[][] x = points(n);
        double[][] y = points(m);
        double[] c = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double dx = x[i][0] - y[j][0];
                double dy = x[i][1] - y[j][1];
                c[i * m + j] = dx * dx + dy * dy;
            }
        }
        return new Problem(a, b, c, n, m);
    }

    double[] histogram(int n) {
        double[] h = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) s += h[i] = 0.2 + rng.nextDouble();
        for (int i = 0; i < n; i++) h[i] /= s;
        return h;
    }

    double[][] points(int n) {
        double[][] p = new double[n][2];
        for (double[] q : p) {
            q[0] = rng.nextDouble();
            q[1] = rng.nextDouble();
        }
        return p;
    }

    /** The textbook iteration u = a / Kv, v = b / Kᵀu on K = exp(−C/ε), 20,000 times: P = diag(u) K diag(v). */
    static double[] textbookPlan(Problem p, double eps) {
        int n = p.n;
        int m = p.m;
        double[] k = new double[n * m];
        for (int i = 0; i < k.length; i++) k[i] = Math.exp(-p.c[i] / eps);
        double[] u = new double[n];
        double[] v = new double[m];
        java.util.Arrays.fill(v, 1);
        for (int it = 0; it < 20_000; it++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < m; j++) s += k[i * m + j] * v[j];
                u[i] = p.a[i] / s;
            }
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += k[i * m + j] * u[i];
                v[j] = p.b[j] / s;
            }
        }
        double[] plan = new double[n * m];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) plan[i * m + j] = u[i] * k[i * m + j] * v[j];
        return plan;
    }

    @Test
    void planMatchesTheTextbookIterationAndHasTheMarginals() {
        Problem p = problem(7, 5);
        double eps = 0.2;
        double[] expected = textbookPlan(p, eps);
        for (Gradient mode : Gradient.values()) {
            Sinkhorn.Solution s = Sinkhorn.solve(p.at(), p.bt(), p.ct(), eps, mode, Sinkhorn.Options.DEFAULT);
            assertArrayEquals(expected, s.plan().toArray(), 1e-12, mode.toString()); // marginals to 1e-12
            assertTrue(s.marginalError() <= 1e-12 && s.iterations() > 3, s.marginalError() + " " + s.iterations());
            double[] rows = s.plan().sum(1).toArray();
            double[] cols = s.plan().sum(0).toArray();
            assertArrayEquals(p.a, rows, 1e-12); // one side is exact, the other within the tolerance
            assertArrayEquals(p.b, cols, 1e-12);
        }
    }

    /**
     * a = b = (½, ½): P = [[q, ½ − q], [½ − q, q]] with q/(½ − q) = e^{δ/2}, δ = (C₁₂ + C₂₁ − C₁₁ − C₂₂)/ε, so q = σ(δ/2)/2,
     * and ∂⟨P, C⟩/∂C₁₁ = q − D q'/ε, ∂/∂C₁₂ = ½ − q + D q'/ε with D = −εδ and q' = σ(1 − σ)/4 (P does not change
     * when a constant is added to C, nor does this gradient, since ΣP = 1). With C + 100 and ε = 0.1, K = e^{−C/ε}
     * underflows to 0 in double precision: only the log domain can solve it.
     */
    @Test
    void twoByTwoClosedFormAlsoWhereTheKernelUnderflows() {
        double[] c = {0.1, 0.7, 0.9, 0.2};
        Tensor half = Tensor.of(0.5, 0.5);
        double[][] cases = {{0.5, 0}, {0.1, 0}, {0.1, 100}};
        for (double[] cs : cases) {
            double eps = cs[0];
            double shift = cs[1];
            assertTrue(shift == 0 || Math.exp(-(c[0] + shift) / eps) == 0);
            double delta = (c[1] + c[2] - c[0] - c[3]) / eps;
            double sig = 1 / (1 + Math.exp(-delta / 2));
            double q = sig / 2;
            double dq = sig * (1 - sig) / 4;
            double d = -eps * delta;
            double[] plan = {q, 0.5 - q, 0.5 - q, q};
            double[] grad = {q - d * dq / eps, 0.5 - q + d * dq / eps, 0.5 - q + d * dq / eps, q - d * dq / eps};
            for (Gradient mode : Gradient.values()) {
                String what = mode + " ε=" + eps + " shift " + shift;
                Tensor ct = Tensor.of(new int[] {2, 2}, c).add(shift);
                assertArrayEquals(plan, Sinkhorn.plan(half, half, ct, eps, mode).toArray(), 1e-12, what);
                double[] g = AD.grad((Tensor cc) -> Sinkhorn.cost(half, half, cc, eps, mode)).apply(ct).toArray();
                assertArrayEquals(grad, g, 1e-10, what);
            }
        }
    }

    @Test
    void theTwoGradientsAgreeOnRandomProblems() {
        for (int trial = 0; trial < 3; trial++) {
            Problem p = problem(9 + trial, 6 + 2 * trial);
            double eps = 0.05 + 0.1 * trial;
            Tensor w = Tensor.of(new int[] {p.n, p.m}, randomArray(p.n * p.m));
            Tensor alpha = Tensor.of(logs(p.a));
            Tensor beta = Tensor.of(logs(p.b));
            double[][] grads = new double[2][];
            for (Gradient mode : Gradient.values()) {
                // a loss of the plan, of C and (through softmaxes, which keep Σa = Σb = 1) of the histograms
                Function<Tensor[], Tensor> loss = x -> Sinkhorn.plan(Ops.softmax(x[0], 0), Ops.softmax(x[1], 0), x[2],
                        eps, mode).mul(w).sum();
                var g = AD.valueAndGrad(loss, new Tensor[] {alpha, beta, p.ct()}).grads();
                grads[mode.ordinal()] = dev.cotangent.check.Packing.pack(g.toArray(new Tensor[0])).toArray();
            }
            double scale = 0;
            for (double v : grads[1]) scale = Math.max(scale, Math.abs(v));
            assertArrayEquals(grads[1], grads[0], 1e-8 * Math.max(1, scale), "trial " + trial);
        }
    }

    @Test
    void entropicCostHasThePlanAsItsGradientInTheCost() {
        Problem p = problem(6, 4);
        double eps = 0.3;
        double[] plan = textbookPlan(p, eps);
        for (Gradient mode : Gradient.values()) {
            double[] g = AD.grad((Tensor cc) -> Sinkhorn.entropicCost(p.at(), p.bt(), cc, eps, mode,
                    Sinkhorn.Options.DEFAULT)).apply(p.ct()).toArray();
            assertArrayEquals(plan, g, 1e-11, mode.toString()); // the envelope theorem holds at the optimum
        }
    }

    @Test
    void bothGradientsPassTheGradientChecks() {
        Problem p = problem(4, 3);
        Tensor w = Tensor.of(new int[] {4, 3}, randomArray(12));
        for (Gradient mode : Gradient.values()) {
            Function<Tensor, Tensor> f = cc -> Sinkhorn.plan(p.at(), p.bt(), cc, 0.1, mode).mul(w);
            // jvp vs finite differences, vjp vs jvp, second order both ways and against finite differences
            GradCheck.assertAll(f, p.ct(), new SplittableRandom(9));
        }
    }

    @Test
    void fullJacobiansAgreeInBothModesAndBothDirections() {
        // jacfwd and jacrev batch tangents or cotangents with vmap: the implicit linear systems are then solved densely
        Problem p = problem(4, 3);
        Function<Tensor, Tensor> unrolled = cc -> Sinkhorn.plan(p.at(), p.bt(), cc, 0.2, Gradient.UNROLLED);
        Function<Tensor, Tensor> implicit = cc -> Sinkhorn.plan(p.at(), p.bt(), cc, 0.2, Gradient.IMPLICIT);
        double[] reference = AD.jacrev(unrolled).apply(p.ct()).toArray();
        assertArrayEquals(reference, AD.jacfwd(unrolled).apply(p.ct()).toArray(), 1e-12);
        assertArrayEquals(reference, AD.jacfwd(implicit).apply(p.ct()).toArray(), 1e-10);
        assertArrayEquals(reference, AD.jacrev(implicit).apply(p.ct()).toArray(), 1e-10);
    }

    @Test
    void unrolledMemoryGrowsWithTheIterationsAndImplicitDoesNot() {
        Problem p = problem(20, 15);
        long[] unrolled = new long[3];
        long[] implicit = new long[3];
        int[] ks = {10, 20, 40};
        for (int i = 0; i < 3; i++) {
            Sinkhorn.Options o = Sinkhorn.Options.DEFAULT.withIterations(ks[i]);
            unrolled[i] = AD.vjp((Tensor cc) -> Sinkhorn.cost(p.at(), p.bt(), cc, 0.05, Gradient.UNROLLED, o), p.ct())
                    .savedBytes();
            implicit[i] = AD.vjp((Tensor cc) -> Sinkhorn.cost(p.at(), p.bt(), cc, 0.05, Gradient.IMPLICIT, o), p.ct())
                    .savedBytes();
        }
        long perIteration = (unrolled[2] - unrolled[1]) / 20;
        assertEquals(perIteration, (unrolled[1] - unrolled[0]) / 10, 64, "linear growth");
        assertTrue(perIteration >= 2 * 20 * 15 * 8, "at least two n×m arrays per iteration: " + perIteration);
        assertEquals(implicit[0], implicit[2]);
        assertTrue(implicit[0] < unrolled[0], implicit[0] + " vs " + unrolled[0]);
    }

    @Test
    void errors() {
        Problem p = problem(5, 5);
        var e = assertThrows(ConvergenceException.class, () -> Sinkhorn.cost(p.at(), p.bt(), p.ct(), 0.01,
                Gradient.UNROLLED, Sinkhorn.Options.DEFAULT.withMaxIterations(3)));
        assertEquals(3, e.iterations());
        assertTrue(e.function().equals("Sinkhorn (UNROLLED)") && e.residual() > 1e-12, e.getMessage());
        var e2 = assertThrows(ConvergenceException.class, () -> Sinkhorn.cost(p.at(), p.bt(), p.ct(), 0.01,
                Gradient.IMPLICIT, Sinkhorn.Options.DEFAULT.withMaxIterations(3)));
        assertTrue(e2.getMessage().startsWith("Sinkhorn (IMPLICIT): no convergence after 3 iterations"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> Sinkhorn.cost(p.at(), p.bt().mul(2), p.ct(), 0.1,
                Gradient.IMPLICIT));
        assertTrue(e3.getMessage().contains("equal sums"), e3.getMessage());
    }

    double[] randomArray(int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = rng.nextDouble(-1, 1);
        return r;
    }

    static double[] logs(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[i] = Math.log(v[i]);
        return r;
    }
}
