package dev.cotangent.implicit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.ot.Sinkhorn;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The tour lines offered for the README (the README's own tour test lives in core, which cannot see this module):
 * they run, and give the numbers their comments state, checked against closed forms.
 */
class ReadmeSnippetTest {
    @Test
    void tourLines() {
        Tensor A = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        // --- as in the README
        BiFunction<Tensor, Tensor, Tensor> ridge = (w, lam) -> A.matmul(w).sub(Tensor.of(1, 2)).square().sum()
                .mul(0.5).add(lam.mul(w.square().sum()).mul(0.5));
        Tensor dSum = AD.grad(lam -> Implicit.argmin(ridge, Tensor.zeros(3), lam).sum()).apply(Tensor.scalar(0.1));
        Tensor dCost = AD.grad(c -> Sinkhorn.cost(Tensor.of(0.5, 0.5), Tensor.of(0.5, 0.5), c, 0.1,
                Sinkhorn.Gradient.IMPLICIT)).apply(Tensor.of(new double[][] {{0, 1}, {1, 0}}));
        // --- checks: d/dλ Σw* = −1ᵀ H⁻¹ w*, H = AᵀA + λI
        double[] a = {1, 2, 3, 4, 5, 6};
        double[] h = Exact.gram(a, 2, 3, 0.1);
        double[] w = Exact.solve(h, Exact.mulT(a, 2, 3, new double[] {1, 2}));
        double[] hw = Exact.solve(h, w);
        assertEquals(-(hw[0] + hw[1] + hw[2]), dSum.item(), 1e-12);
        assertEquals(0.0758, dSum.item(), 5e-5); // the comment's rounded value
        // the 2×2 closed form of SinkhornTest: q = σ(δ/2)/2 with δ = 2/ε = 20
        double eps = 0.1;
        double delta = 2 / eps;
        double sig = 1 / (1 + Math.exp(-delta / 2));
        double q = sig / 2;
        double dq = sig * (1 - sig) / 4;
        double d = -eps * delta;
        double g11 = q - d * dq / eps;
        double g12 = 0.5 - q + d * dq / eps;
        assertArrayEquals(new double[] {g11, g12, g12, g11}, dCost.toArray(), 1e-10);
        assertEquals(0.5002, g11, 5e-5);
        assertEquals(-0.0002, g12, 5e-5);
    }
}
