package dev.cotangent.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.Tensor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Hutchinson's trace estimator against traces computed by hand. */
class HutchinsonTest {

    @Test
    void aDiagonalHessianGivesTheExactTraceWithOneSample() {
        // f = Σ c_i x_i² / 2 + Σ x_i³ / 6: ∇²f = diag(c_i + x_i), so tr = Σ c_i + Σ x_i, and vᵀDv = tr D for v ∈ {±1}^n
        Tensor c = Tensor.of(1, 2, 3, 4);
        Function<Tensor, Tensor> f = x -> x.square().mul(c).sum().mul(0.5).add(x.mul(x).mul(x).sum().div(6));
        Tensor x = Tensor.of(0.5, -1, 2, 0.25);
        assertEquals(10 + 1.75, Hutchinson.trace(f, x, 1, 3), 1e-12);
    }

    @Test
    void aDenseHessianIsEstimatedWithoutBias() {
        // f = ½ xᵀ A x with A = MᵀM: tr A = Σ M_ij²; the variance of one sample is 2 Σ_{i≠j} A_ij², so the mean of
        // 4000 samples lies within 5 standard errors of the truth
        int n = 6;
        double[] m = new double[n * n];
        for (int i = 0; i < m.length; i++) m[i] = Math.sin(1.3 * i * i + 0.4);
        Tensor mt = Tensor.of(new int[] {n, n}, m);
        Function<Tensor, Tensor> f = x -> mt.matmul(x).square().sum().mul(0.5);
        double trace = 0;
        for (double v : m) trace += v * v;
        double var = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                double aij = 0;
                for (int k = 0; k < n; k++) aij += m[k * n + i] * m[k * n + j];
                var += 2 * aij * aij;
            }
        }
        int samples = 4000;
        double est = Hutchinson.trace(f, Tensor.zeros(n), samples, 11);
        double se = Math.sqrt(var / samples);
        assertTrue(Math.abs(est - trace) < 5 * se, "estimate " + est + ", trace " + trace + ", standard error " + se);
    }

    @Test
    void zeroSamplesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Hutchinson.trace(x -> x.sum(), Tensor.zeros(2), 0, 1));
    }
}
