package dev.cotangent.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGrads;
import dev.cotangent.optim.Ravel;
import dev.cotangent.optim.Trees;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Gradient estimators from values only: accuracy, evaluation counts, unbiasedness (descent on them: nn's OptimizersTest). */
class EstimatorsTest {
    // f(u, v) = Σ sin(u_i) + v₀² v₁, gradient (cos u, 2 v₀ v₁, v₀²): known in closed form.
    static final Function<Map<String, Tensor>, Tensor> F = p -> p.get("u").sin().sum()
            .add(dev.cotangent.Ops.slice(p.get("v"), 0, 0, 1).square()
                    .mul(dev.cotangent.Ops.slice(p.get("v"), 0, 1, 2)).sum());
    static final Map<String, Tensor> AT = Trees.of("u", Tensor.of(0.3, -1.2, 2.0), "v", Tensor.of(0.7, -0.4));
    static final double[] GRAD = {Math.cos(0.3), Math.cos(-1.2), Math.cos(2.0), 2 * 0.7 * -0.4, 0.49};

    @Test
    void forwardDifferencesCostDPlusOneAndAreFirstOrder() {
        CountingLoss f = new CountingLoss(F);
        double[] g = Ravel.flatten(FiniteDifference.gradient(f, AT, 1e-7, FiniteDifference.Scheme.FORWARD));
        assertEquals(5 + 1, f.count());
        assertArrayEquals(GRAD, g, 1e-6);
    }

    @Test
    void centralDifferencesCostTwoDAndAreSecondOrder() {
        CountingLoss f = new CountingLoss(F);
        double[] g = Ravel.flatten(FiniteDifference.gradient(f, AT, 1e-5, FiniteDifference.Scheme.CENTRAL));
        assertEquals(2 * 5, f.count());
        assertArrayEquals(GRAD, g, 1e-9);
        // Error orders: halving ε halves the forward error and quarters the central one.
        double e1 = error(FiniteDifference.Scheme.FORWARD, 1e-3);
        double e2 = error(FiniteDifference.Scheme.FORWARD, 5e-4);
        assertEquals(2.0, e1 / e2, 0.1);
        double c1 = error(FiniteDifference.Scheme.CENTRAL, 1e-2);
        double c2 = error(FiniteDifference.Scheme.CENTRAL, 5e-3);
        assertEquals(4.0, c1 / c2, 0.1);
    }

    private static double error(FiniteDifference.Scheme s, double eps) {
        double[] g = Ravel.flatten(FiniteDifference.gradient(F, AT, eps, s));
        double e = 0;
        for (int i = 0; i < g.length; i++) e += (g[i] - GRAD[i]) * (g[i] - GRAD[i]);
        return Math.sqrt(e);
    }

    @Test
    void sphereDirectionsAreUnitAndCentred() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] mean = new double[4];
        int n = 20000;
        for (int k = 0; k < n; k++) {
            double[] v = TwoPoint.sphere(4, rng);
            double s = 0;
            for (int i = 0; i < 4; i++) {
                s += v[i] * v[i];
                mean[i] += v[i] / n;
            }
            assertEquals(1.0, s, 1e-12);
        }
        // E v = 0 and Var v_i = 1/d: the mean of n draws is within 5 standard errors √(1/(d n)).
        for (double m : mean) assertTrue(Math.abs(m) < 5 * Math.sqrt(0.25 / n), "mean " + m);
    }

    @Test
    void twoPointIsUnbiasedOnAQuadraticWithinAStatisticalBound() {
        // f(w) = ½ wᵀ A w + bᵀ w, A = diag(1..5): the central difference along v is exactly gᵀv, so
        // G = d (gᵀv) v with E[G] = g and E‖G − g‖² = (d − 1)‖g‖². The mean of n draws is within 5 standard
        // errors 5 √((d − 1)/n) ‖g‖ of g (a 5-σ bound; seeded, so the test is deterministic).
        int d = 5;
        Tensor a = Tensor.of(1, 2, 3, 4, 5);
        Tensor b = Tensor.of(0.5, -1, 0, 2, 1);
        Function<Map<String, Tensor>, Tensor> f = p -> p.get("w").square().mul(a).sum().mul(0.5)
                .add(p.get("w").mul(b).sum());
        Map<String, Tensor> w = Trees.of("w", Tensor.of(1, 1, -1, 0.5, 2));
        double[] g = w.get("w").mul(a).add(b).toArray();
        double gNorm = Math.sqrt(java.util.Arrays.stream(g).map(x -> x * x).sum());
        TwoPoint est = new TwoPoint(f, 1e-3, 17);
        int n = 20000;
        double[] mean = new double[d];
        double sq = 0;
        for (int k = 0; k < n; k++) {
            double[] gk = Ravel.flatten(est.evaluate(w).grads());
            double s = 0;
            for (int i = 0; i < d; i++) {
                mean[i] += gk[i] / n;
                s += gk[i] * gk[i];
            }
            sq += s / n;
        }
        double err = 0;
        for (int i = 0; i < d; i++) err += (mean[i] - g[i]) * (mean[i] - g[i]);
        err = Math.sqrt(err);
        double bound = 5 * Math.sqrt((d - 1.0) / n) * gNorm;
        assertTrue(err < bound, "‖mean − g‖ = " + err + " exceeds " + bound);
        // And the second moment is d‖g‖², the source of the factor-of-d slowdown (within 5%).
        assertEquals(d * gNorm * gNorm, sq, 0.05 * d * gNorm * gNorm);
    }

    @Test
    void twoPointCostsTwoEvaluationsAndIsSeeded() {
        CountingLoss f = new CountingLoss(F);
        ValueAndGrads a = new TwoPoint(f, 1e-4, 9).evaluate(AT);
        assertEquals(2, f.count());
        ValueAndGrads b = new TwoPoint(F, 1e-4, 9).evaluate(AT);
        assertArrayEquals(Ravel.flatten(a.grads()), Ravel.flatten(b.grads()), 0.0);
        assertEquals(F.apply(AT).item(), a.value().item(), 1e-7); // mean of the two evaluations: L(w) + O(ε²)
    }
}
