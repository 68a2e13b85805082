package dev.cotangent.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.SparseMatrix;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Compressed Hessians against dense ones (AD.hessian, forward over reverse), and the errors. */
class SparseHessianTest {

    @Test
    void columnColouringGivesTheDenseHessianExactly() {
        for (long seed = 0; seed < 40; seed++) {
            int n = 6 + (int) (seed % 7);
            Function<Tensor, Tensor> f = SparsePrograms.scalarProgram(seed, n);
            Tensor x = Tensor.from(NDArray.normal(new Random(seed + 100), 0, 1, n));
            double[] dense = AD.hessian(f).apply(x).toArray();
            SparseMatrix h = AD.sparseHessian(f, SparseOptions.defaults().mode(SparseOptions.Mode.FORWARD)).apply(x);
            assertArrayEquals(dense, h.toDense().toArray(), 0.0, "seed " + seed);
        }
    }

    @Test
    void starColouringReadsEachEntryFromItsColumnOrItsMirror() {
        for (long seed = 0; seed < 40; seed++) {
            int n = 6 + (int) (seed % 7);
            Function<Tensor, Tensor> f = SparsePrograms.scalarProgram(seed, n);
            Tensor x = Tensor.from(NDArray.normal(new Random(seed + 100), 0, 1, n));
            NDArray dense = AD.hessian(f).apply(x).value();
            SparseMatrix h = AD.sparseHessian(f, SparseOptions.defaults().mode(SparseOptions.Mode.STAR)).apply(x);
            NDArray s = h.toDense().value();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double v = s.get(i, j);
                    assertTrue(v == dense.get(i, j) || v == dense.get(j, i), "seed " + seed + " (" + i + "," + j + ")");
                    assertEquals(v, s.get(j, i), 0.0, "symmetric");
                }
            }
        }
    }

    @Test
    void aGridLaplacianHessianTakesFewProductsAndEqualsTheDenseOne() {
        // f(x) = Σ over grid edges (x_p − x_q)² + Σ x_p⁴ / 12 on a 12×12 grid: a 5-point Hessian
        int k = 12;
        Function<Tensor, Tensor> f = x -> {
            Tensor g = Ops.reshape(x, k, k);
            Tensor dx = Ops.slice(g, new int[] {1, 0}, new int[] {k, k}).sub(Ops.slice(g, new int[] {0, 0}, new int[] {k - 1, k}));
            Tensor dy = Ops.slice(g, new int[] {0, 1}, new int[] {k, k}).sub(Ops.slice(g, new int[] {0, 0}, new int[] {k, k - 1}));
            return dx.square().sum().add(dy.square().sum()).add(x.square().square().sum().div(12));
        };
        Tensor x = Tensor.from(NDArray.normal(new Random(5), 0, 1, k * k));
        double[] dense = AD.hessian(f).apply(x).toArray();
        for (SparseOptions.Mode m : new SparseOptions.Mode[] {SparseOptions.Mode.AUTO, SparseOptions.Mode.STAR,
                SparseOptions.Mode.FORWARD}) {
            SparseMatrix h = AD.sparseHessian(f, SparseOptions.defaults().mode(m)).apply(x);
            assertArrayEquals(dense, h.toDense().toArray(), 0.0, m.toString());
            assertEquals(Patterns.laplacian(k).nonZeros(), h.nonZeros());
            assertTrue(h.colors() >= 3 && h.colors() <= 7, m + ": " + h.colors());
        }
        // by hand, at an interior point p with four neighbours: H_pp = 8 + x_p², H_pq = −2
        SparseMatrix h = AD.sparseHessian(f).apply(x);
        int p = 5 * k + 5;
        assertEquals(8 + x.toArray()[p] * x.toArray()[p], h.get(p, p), 1e-12);
        assertEquals(-2.0, h.get(p, p + 1), 0.0);
        assertEquals(-2.0, h.get(p, p - k), 0.0);
    }

    @Test
    void byDefaultTheFewestColoursOfEveryOrderingAndBothColouringsAreUsed() {
        int k = 20;
        Function<Tensor, Tensor> f = x -> {
            Tensor g = Ops.reshape(x, k, k);
            Tensor dx = Ops.slice(g, new int[] {1, 0}, new int[] {k, k}).sub(Ops.slice(g, new int[] {0, 0}, new int[] {k - 1, k}));
            Tensor dy = Ops.slice(g, new int[] {0, 1}, new int[] {k, k}).sub(Ops.slice(g, new int[] {0, 0}, new int[] {k, k - 1}));
            return dx.square().sum().add(dy.square().sum());
        };
        Pattern p = Patterns.laplacian(k);
        int best = Integer.MAX_VALUE;
        for (Ordering o : Ordering.values()) {
            best = Math.min(best, Math.min(Coloring.star(p, o).count(), Coloring.columns(p, o).count()));
        }
        SparsePlan plan = new SparseHessian(f, SparseOptions.defaults()).plan(dev.cotangent.tensor.Shape.of(k * k));
        assertEquals(p, plan.pattern());
        assertEquals(best, plan.products());
        SparsePlan natural = new SparseHessian(f, SparseOptions.defaults().ordering(Ordering.NATURAL)
                .mode(SparseOptions.Mode.FORWARD)).plan(dev.cotangent.tensor.Shape.of(k * k));
        assertEquals(Coloring.columns(p, Ordering.NATURAL).count(), natural.products());
        assertEquals(Ordering.NATURAL, natural.coloring().ordering());
    }

    @Test
    void anArrowHessianTakesTwoProductsWithAStarColouring() {
        // f = x_0 Σ x_i + Σ x_i² / 2: H = the arrow; column colouring would need n products
        int n = 40;
        Function<Tensor, Tensor> f = x -> Ops.slice(x, 0, 0, 1).sum().mul(x.sum()).add(x.square().sum().mul(0.5));
        Tensor x = Tensor.from(NDArray.normal(new Random(9), 0, 1, n));
        SparseMatrix h = AD.sparseHessian(f).apply(x);
        assertEquals(2, h.colors());
        assertArrayEquals(AD.hessian(f).apply(x).toArray(), h.toDense().toArray(), 0.0);
        assertEquals(n, AD.sparseHessian(f, SparseOptions.defaults().mode(SparseOptions.Mode.FORWARD)).apply(x).colors());
    }

    @Test
    void wrongShapesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AD.sparseHessian(Tensor::sin).apply(Tensor.ones(3)));
        assertTrue(e.getMessage().contains("scalar"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AD.sparseHessian(Tensor::sum).apply(Tensor.ones(2, 2)));
        assertThrows(IllegalArgumentException.class, () -> AD.sparseHessian(Tensor::sum,
                SparseOptions.defaults().mode(SparseOptions.Mode.REVERSE)));
        assertThrows(IllegalArgumentException.class, () -> AD.sparseHessian(Tensor::sum,
                SparseOptions.defaults().pattern(Patterns.banded(3, 1))).apply(Tensor.ones(4)));
        // with a given pattern f is not staged; a non-scalar f is still refused
        assertThrows(IllegalArgumentException.class, () -> AD.sparseHessian(Tensor::sin,
                SparseOptions.defaults().pattern(Patterns.banded(3, 0))).apply(Tensor.ones(3)));
    }
}
