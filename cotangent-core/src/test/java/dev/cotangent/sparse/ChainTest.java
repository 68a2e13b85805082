package dev.cotangent.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The matrix-chain plan against a brute force over every parenthesisation, its cost model against multiply–adds
 * counted while multiplying real matrices in its order, the lecture's formulas for forward and reverse mode, and
 * AD.jacobian of a chain against the dense Jacobian of the composition.
 */
class ChainTest {

    @Test
    void theDynamicProgramFindsTheCheapestOfAllOrders() {
        Random r = new Random(1);
        for (int trial = 0; trial < 200; trial++) {
            int[] n = new int[2 + r.nextInt(6)];
            for (int k = 0; k < n.length; k++) n[k] = 1 + r.nextInt(30);
            ChainPlan p = ChainPlan.of(n);
            assertEquals(bruteForce(n, 0, n.length - 2), p.cost(), java.util.Arrays.toString(n));
            assertTrue(p.cost() <= p.forwardCost() && p.cost() <= p.reverseCost());
        }
    }

    /** The cheapest cost of A_j ⋯ A_i by trying every last product. */
    private static long bruteForce(int[] n, int i, int j) {
        if (i == j) return 0;
        long best = Long.MAX_VALUE;
        for (int k = i; k < j; k++) {
            best = Math.min(best, bruteForce(n, i, k) + bruteForce(n, k + 1, j) + (long) n[j + 1] * n[k + 1] * n[i]);
        }
        return best;
    }

    @Test
    void forwardAndReverseCostAreTheLecturesFormulas() {
        // FWD = n₁ Σ_{k=2}^{N−1} n_k n_{k+1}, BWD = n_N Σ_{k=1}^{N−2} n_k n_{k+1}, for n = (3, 5, 7, 2)
        ChainPlan p = ChainPlan.of(3, 5, 7, 2);
        assertEquals(3L * (5 * 7 + 7 * 2), p.forwardCost());
        assertEquals(2L * (3 * 5 + 5 * 7), p.reverseCost());
        // n₁ = 1: forward is optimal; n_N = 1: reverse is optimal (the lecture)
        assertEquals(ChainPlan.of(1, 40, 30, 50).forwardCost(), ChainPlan.of(1, 40, 30, 50).cost());
        assertEquals(ChainPlan.of(50, 30, 40, 1).reverseCost(), ChainPlan.of(50, 30, 40, 1).cost());
    }

    @Test
    void aMixedOrderCanBeatBothModes() {
        // R^10 → R^1000 → R^1 → R^1000 → R^10: both modes cost 120,000; (A4 A3)(A2 A1) costs 10⁴ + 10⁴ + 100
        ChainPlan p = ChainPlan.of(10, 1000, 1, 1000, 10);
        assertEquals(120_000, p.forwardCost());
        assertEquals(120_000, p.reverseCost());
        assertEquals(20_100, p.cost());
        assertEquals("(A4 A3) (A2 A1)", p.order());
        assertEquals("A3 (A2 A1)", ChainPlan.of(1, 5, 5, 5).order());
    }

    @Test
    void theCostModelCountsTheMultiplyAddsOfItsOwnOrder() {
        Random r = new Random(7);
        for (int trial = 0; trial < 40; trial++) {
            int[] n = new int[2 + r.nextInt(5)];
            for (int k = 0; k < n.length; k++) n[k] = 1 + r.nextInt(9);
            ChainPlan p = ChainPlan.of(n);
            List<double[][]> a = new ArrayList<>();
            for (int k = 0; k + 1 < n.length; k++) a.add(random(r, n[k + 1], n[k]));
            // run the plan's steps with a naive product that counts its multiply–adds
            long[] counted = {0};
            double[][][][] byRange = new double[n.length][n.length][][];   // the product of stages i..j, once made
            for (int k = 0; k + 1 < n.length; k++) byRange[k][k] = a.get(k);
            for (ChainPlan.Step s : p.steps()) {
                byRange[s.first()][s.last()] = times(byRange[s.split() + 1][s.last()], byRange[s.first()][s.split()], counted);
            }
            assertEquals(p.cost(), counted[0], java.util.Arrays.toString(n));
            double[][] planned = byRange[0][n.length - 2];
            double[][] leftToRight = a.get(n.length - 2);
            for (int k = n.length - 3; k >= 0; k--) leftToRight = times(leftToRight, a.get(k), new long[1]);
            for (int i = 0; i < planned.length; i++) assertArrayEquals(leftToRight[i], planned[i], 1e-9);
        }
    }

    private static double[][] times(double[][] x, double[][] y, long[] count) {
        double[][] z = new double[x.length][y[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y[0].length; j++) {
                for (int k = 0; k < y.length; k++) {
                    z[i][j] += x[i][k] * y[k][j];
                    count[0]++;
                }
            }
        }
        return z;
    }

    private static double[][] random(Random r, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) for (int j = 0; j < cols; j++) row[j] = r.nextGaussian();
        return m;
    }

    @Test
    void jacobianOfAChainIsTheJacobianOfTheComposition() {
        Random r = new Random(3);
        Tensor w1 = Tensor.from(NDArray.normal(r, 0, 0.3, 40, 6));
        Tensor w2 = Tensor.from(NDArray.normal(r, 0, 0.3, 2, 40));
        Tensor w3 = Tensor.from(NDArray.normal(r, 0, 0.3, 30, 2));
        Function<Tensor, Tensor> f1 = x -> w1.matmul(x).tanh();
        Function<Tensor, Tensor> f2 = x -> w2.matmul(x).sin();
        Function<Tensor, Tensor> f3 = x -> Ops.reshape(w3.matmul(x).exp(), 5, 6);
        Chain chain = AD.chain(f1, f2, f3);
        Tensor x = Tensor.from(NDArray.normal(r, 0, 1, 6));
        Function<Tensor, Tensor> composed = v -> f3.apply(f2.apply(f1.apply(v)));
        Tensor dense = AD.jacfwd(composed).apply(x);
        Tensor j = AD.jacobian(chain).apply(x);
        assertArrayEquals(new int[] {5, 6, 6}, j.shape());
        assertTrue(j.value().allClose(dense.value(), 1e-12, 1e-14));
        assertArrayEquals(composed.apply(x).toArray(), chain.apply(x).toArray(), 0.0);
        // sizes 6 → 40 → 2 → 30: forward mode's order A3 (A2 A1) costs 2·40·6 + 30·2·6 = 840, reverse 9,600
        ChainPlan p = chain.plan(Shape.of(6));
        assertArrayEquals(new int[] {6, 40, 2, 30}, p.sizes());
        assertEquals(840, p.cost());
        assertEquals(p.forwardCost(), p.cost());
        assertEquals(30L * (6 * 40 + 40 * 2), p.reverseCost());
    }

    @Test
    void aStageThatReadsValuesIsSizedByEvaluating() {
        Chain chain = AD.chain(x -> x.item() > 0 ? x.mul(x) : x.neg(), x -> x.sin());
        assertEquals(null, chain.plan(Shape.of()));
        assertEquals(2 * Math.cos(4) * 2, AD.jacobian(chain).apply(Tensor.scalar(2)).item(), 1e-15);
    }

    @Test
    void aChainNeedsStagesAndJacobiansOfTheirShapes() {
        assertThrows(IllegalArgumentException.class, () -> AD.chain());
        assertThrows(IllegalArgumentException.class, () -> ChainPlan.of(3));
        assertThrows(IllegalArgumentException.class, () -> ChainPlan.of(2, 3).multiply(List.of(Tensor.zeros(2, 3))));
    }
}
