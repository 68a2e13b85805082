package dev.cotangent.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.Tensor;
import dev.cotangent.sparse.Hutchinson.Estimate;
import dev.cotangent.sparse.Hutchinson.Probe;
import dev.cotangent.tensor.NDArray;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The estimators on quadratics f(x) = ½ xᵀAx with a known symmetric A (so ∇²f = A and every expected value and
 * variance is a formula in A's entries): unbiased within five standard errors, standard errors near the formulas,
 * and Hutch++ below Hutchinson's variance at equal Hessian-vector products on a dense 1000×1000 Hessian.
 */
class HutchinsonTest {

    /** A symmetric n×n matrix with entries of both signs. */
    private static double[][] symmetric(int n, long seed) {
        Random r = new Random(seed);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = r.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        return a;
    }

    private static Function<Tensor, Tensor> quadratic(double[][] a) {
        Tensor at = Tensor.of(a);
        return x -> at.matmul(x).mul(x).sum().mul(0.5);
    }

    @Test
    void hutchinsonIsUnbiasedWithTheStandardErrorOfItsFormula() {
        int n = 20;
        double[][] a = symmetric(n, 1);
        double trace = 0;
        double frob = 0;
        double diag2 = 0;
        for (int i = 0; i < n; i++) {
            trace += a[i][i];
            diag2 += a[i][i] * a[i][i];
            for (int j = 0; j < n; j++) frob += a[i][j] * a[i][j];
        }
        int s = 4000;
        Tensor x = Tensor.zeros(n);
        for (Probe p : Probe.values()) {
            double var = p == Probe.RADEMACHER ? 2 * (frob - diag2) : 2 * frob;
            double se = Math.sqrt(var / s);
            Estimate e = Hutchinson.trace(quadratic(a), x, s, p, 42);
            assertEquals(s, e.products());
            assertTrue(Math.abs(e.value() - trace) < 5 * se, p + ": " + e.value() + " vs " + trace + " ± " + se);
            assertTrue(e.standardError() > 0.85 * se && e.standardError() < 1.15 * se, p + ": " + e.standardError()
                    + " vs " + se);
        }
        // the same seed gives the same estimate
        assertEquals(Hutchinson.trace(quadratic(a), x, 50, Probe.GAUSSIAN, 7).value(),
                Hutchinson.trace(quadratic(a), x, 50, Probe.GAUSSIAN, 7).value(), 0.0);
    }

    @Test
    void aDiagonalHessianIsExactWithOneRademacherProbe() {
        // f = Σ c_i x_i² / 2 + Σ x_i³ / 6: ∇²f = diag(c_i + x_i)
        Tensor c = Tensor.of(1, 2, 3, 4);
        Function<Tensor, Tensor> f = x -> x.square().mul(c).sum().mul(0.5).add(x.mul(x).mul(x).sum().div(6));
        Tensor x = Tensor.of(0.5, -1, 2, 0.25);
        assertEquals(10 + 1.75, Hutchinson.trace(f, x, 1, Probe.RADEMACHER, 3).value(), 1e-12);
        assertArrayEquals(new double[] {1.5, 1, 5, 4.25},
                Hutchinson.diagonal(f, x, 1, Probe.RADEMACHER, 3).value().toArray(), 1e-12);
    }

    @Test
    void theDiagonalEstimatorIsUnbiasedElementByElement() {
        // v_e (Av)_e = A_ee v_e² + Σ_{j≠e} A_ej v_j v_e: variance Σ_{j≠e} A_ej² (Rademacher), + 2 A_ee² (Gaussian)
        int n = 15;
        double[][] a = symmetric(n, 2);
        int s = 3000;
        for (Probe p : Probe.values()) {
            Hutchinson.DiagonalEstimate d = Hutchinson.diagonal(quadratic(a), Tensor.zeros(n), s, p, 5);
            double[] v = d.value().toArray();
            double[] se = d.standardError().toArray();
            for (int e = 0; e < n; e++) {
                double var = p == Probe.GAUSSIAN ? 2 * a[e][e] * a[e][e] : 0;
                for (int j = 0; j < n; j++) if (j != e) var += a[e][j] * a[e][j];
                double expected = Math.sqrt(var / s);
                assertTrue(Math.abs(v[e] - a[e][e]) < 5 * expected, p + " element " + e + ": " + v[e] + " vs " + a[e][e]);
                assertTrue(se[e] > 0.8 * expected && se[e] < 1.2 * expected, p + " element " + e);
            }
        }
    }

    @Test
    void hutchPlusPlusHasLessVarianceThanHutchinsonAtEqualProducts() {
        // a dense 1000×1000 Hessian A = B Bᵀ / n with B's columns scaled by 1/j: a decaying spectrum
        int n = 1000;
        Random r = new Random(11);
        double[] b = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) b[i * n + j] = r.nextGaussian() / (j + 1);
        NDArray bm = NDArray.wrap(dev.cotangent.tensor.Shape.of(n, n), b);
        NDArray am = NDArray.matmul(bm, bm, false, true).mul(NDArray.scalar(1.0 / n));
        double[] ad = am.unsafeData();
        double trace = 0;
        double frob = 0;
        double diag2 = 0;
        for (int i = 0; i < n; i++) {
            trace += ad[i * n + i];
            diag2 += ad[i * n + i] * ad[i * n + i];
        }
        for (double v : ad) frob += v * v;
        Tensor at = Tensor.from(am);
        Function<Tensor, Tensor> f = x -> at.matmul(x).mul(x).sum().mul(0.5);
        Tensor x = Tensor.zeros(n);
        int m = 30;
        int trials = 30;
        double[] pp = new double[trials];
        double[] h = new double[trials];
        for (int t = 0; t < trials; t++) {
            Estimate e = Hutchinson.hutchPlusPlus(f, x, m, Probe.RADEMACHER, 1000 + t);
            assertEquals(m, e.products());
            pp[t] = e.value();
            h[t] = Hutchinson.trace(f, x, m, Probe.RADEMACHER, 5000 + t).value();
        }
        double hutchVariance = 2 * (frob - diag2) / m;          // the formula, at m products
        double ppVariance = variance(pp);
        assertTrue(ppVariance < hutchVariance / 4, "Hutch++ " + ppVariance + ", Hutchinson " + hutchVariance);
        assertTrue(ppVariance < variance(h), "Hutch++ " + ppVariance + ", Hutchinson measured " + variance(h));
        double mean = java.util.Arrays.stream(pp).average().orElseThrow();
        assertTrue(Math.abs(mean - trace) < 5 * Math.sqrt(ppVariance / trials) + 1e-9 * trace, mean + " vs " + trace);
    }

    private static double variance(double[] v) {
        double m = java.util.Arrays.stream(v).average().orElseThrow();
        double s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return s / (v.length - 1);
    }

    @Test
    void hutchPlusPlusIsExactForALowRankHessian() {
        // rank 2 ≤ k = 3: Q spans A's range, the remainder is zero, so the estimate is the trace
        Tensor u = Tensor.of(1, 2, 0, -1, 3);
        Tensor w = Tensor.of(0, 1, 1, 2, -1);
        Function<Tensor, Tensor> f = x -> u.mul(x).sum().square().mul(1.5).add(w.mul(x).sum().square().mul(0.5));
        // ∇²f = 3 uuᵀ + wwᵀ: trace 3·15 + 7 = 52
        Estimate e = Hutchinson.hutchPlusPlus(f, Tensor.zeros(5), 9, Probe.GAUSSIAN, 1);
        assertEquals(52, e.value(), 1e-9);
        assertEquals(0, e.standardError(), 1e-9);
    }

    @Test
    void tooFewProductsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Hutchinson.trace(Tensor::sum, Tensor.zeros(2), 0,
                Probe.RADEMACHER, 1));
        assertThrows(IllegalArgumentException.class, () -> Hutchinson.hutchPlusPlus(Tensor::sum, Tensor.zeros(2), 2,
                Probe.RADEMACHER, 1));
        assertThrows(IllegalArgumentException.class, () -> Hutchinson.trace(Tensor::sin, Tensor.zeros(2), 3,
                Probe.RADEMACHER, 1));
    }
}
