package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.graph.Evaluator;
import dev.cotangent.graph.Graph;
import dev.cotangent.graph.pass.Pipeline;
import dev.cotangent.primitive.Primitive;
import dev.cotangent.primitive.Registry;
import dev.cotangent.tensor.NDArray;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Values that used to be silently wrong (issue 16): max/min merged by CSE, powers and products differentiated at
 * 0, the norm at 0, and NaN made from ∞·0 in anomaly mode. Expected values are worked by hand.
 */
class ExactAtZeroTest {

    @Test
    void maxAndMinAreDifferentOperationsToTheGraphPasses() {
        Function<Tensor[], Tensor[]> f = in -> new Tensor[] {Ops.max(in[0], false).sub(Ops.min(in[0], false))};
        Tensor x = Tensor.of(1, 5, 3);
        Graph g = Pipeline.standard().apply(AD.stage(f, x));
        assertEquals(4, Evaluator.run(g, x)[0].item(), 0);
        Graph dg = Pipeline.standard().apply(AD.stage(in -> new Tensor[] {AD.grad((Tensor t) -> f.apply(new Tensor[] {t})[0])
                .apply(in[0])}, x));
        assertArrayEquals(new double[] {-1, 1, 0}, Evaluator.run(dg, x)[0].toArray(), 0);
    }

    @Test
    void aPrimitiveIsKnownByItsParameters() {
        // two registered parameterisations of one class: equal parameters must mean the same results, and
        // different parameters must mean unequal primitives with different hashes
        List<Registry.Case> cases = Registry.cases();
        int comparedEqual = 0;
        int comparedUnequal = 0;
        for (Registry.Case a : cases) {
            for (Registry.Case b : cases) {
                Primitive p = a.primitive();
                Primitive q = b.primitive();
                if (a == b || p.getClass() != q.getClass()) continue;
                boolean sameParams = Objects.deepEquals(new java.util.TreeMap<>(p.params()), new java.util.TreeMap<>(q.params()))
                        && deepEqualValues(p, q);
                if (sameParams) {
                    assertEquals(p, q, a.label() + " vs " + b.label());
                    NDArray[] in = a.inputs().apply(new SplittableRandom(1));
                    if (in.length == q.arity()) {
                        try {
                            NDArray[] ya = p.applyAll(in);
                            NDArray[] yb = q.applyAll(in);
                            for (int r = 0; r < ya.length; r++) {
                                assertArrayEquals(ya[r].toArray(), yb[r].toArray(), 0, a.label() + " vs " + b.label()
                                        + ": equal parameters but different results: params() misses a parameter");
                            }
                            comparedEqual++;
                        } catch (IllegalArgumentException shapesDoNotFit) {
                            // the other case's operands need other shapes: nothing to compare
                        }
                    }
                } else {
                    assertNotEquals(p, q, a.label() + " vs " + b.label());
                    assertNotEquals(p.hashCode(), q.hashCode(), a.label() + " vs " + b.label());
                    comparedUnequal++;
                }
            }
        }
        assertTrue(comparedUnequal > 20, "only " + comparedUnequal + " pairs with different parameters compared");
    }

    private static boolean deepEqualValues(Primitive p, Primitive q) {
        for (String k : p.params().keySet()) {
            if (!Objects.deepEquals(p.params().get(k), q.params().get(k))) return false;
        }
        return true;
    }

    @Test
    void powersAreExactAtZeroToEveryOrder() {
        Tensor g = AD.grad((Tensor x) -> Ops.pow(x, Tensor.of(0, 1, 2, 3)).sum()).apply(Tensor.zeros(4));
        assertArrayEquals(new double[] {0, 1, 0, 0}, g.toArray(), 0);
        // dᵏ/dxᵏ xⁿ at 0: n! when k = n, 0 otherwise, through nested grad (reverse) and nested jvp (forward)
        for (int n = 0; n <= 3; n++) {
            double e = n;
            Function<Tensor, Tensor> f = x -> x.pow(e);
            for (int k = 1; k <= 4; k++) {
                Function<Tensor, Tensor> d = f;
                Function<Tensor, Tensor> fwd = f;
                for (int i = 0; i < k; i++) {
                    d = AD.grad(d);
                    Function<Tensor, Tensor> inner = fwd;
                    fwd = x -> AD.jvp(inner, x, Tensor.scalar(1)).tangent();
                }
                double want = k == n ? factorial(n) : 0;
                assertEquals(want, d.apply(Tensor.scalar(0)).item(), 0, "reverse d^" + k + "/dx^" + k + " x^" + n);
                assertEquals(want, fwd.apply(Tensor.scalar(0)).item(), 0, "forward d^" + k + "/dx^" + k + " x^" + n);
            }
        }
    }

    private static double factorial(int n) {
        return n <= 1 ? 1 : n * factorial(n - 1);
    }

    @Test
    void productsWithZeroFactorsHaveExactGradientsAndHessians() {
        assertArrayEquals(new double[] {0, 6, 0}, AD.grad((Tensor x) -> Ops.prod(x, false)).apply(Tensor.of(2, 0, 3))
                .toArray(), 0);
        assertArrayEquals(new double[] {0, 0, 0}, AD.grad((Tensor x) -> Ops.prod(x, false)).apply(Tensor.of(0, 0, 3))
                .toArray(), 0);
        assertEquals(6 * 5, AD.jvp((Tensor x) -> Ops.prod(x, false), Tensor.of(2, 0, 3), Tensor.of(1, 5, 1))
                .tangent().item(), 0);
        assertEquals(0, AD.jvp((Tensor x) -> Ops.prod(x, false), Tensor.of(0, 0, 3), Tensor.of(1, 1, 1))
                .tangent().item(), 0);
        // H_ij = Π_{k≠i,j} x_k, 0 on the diagonal
        double[] h = {0, 3, 0, 3, 0, 2, 0, 2, 0};
        assertArrayEquals(h, AD.hessian((Tensor x) -> Ops.prod(x, false)).apply(Tensor.of(2, 0, 3)).toArray(), 0);
        assertArrayEquals(h, AD.jacrev(AD.grad((Tensor x) -> Ops.prod(x, false))).apply(Tensor.of(2, 0, 3)).toArray(), 0);
        // over one axis of a matrix, keeping it: rows [2, 0, 3] and [1, 4, 5]
        Tensor m = Tensor.of(new double[][] {{2, 0, 3}, {1, 4, 5}});
        Tensor gm = AD.grad((Tensor x) -> Ops.prod(x, true, 1).mul(Tensor.of(new double[][] {{1}, {10}})).sum()).apply(m);
        assertArrayEquals(new double[] {0, 6, 0, 200, 50, 40}, gm.toArray(), 0);
    }

    @Test
    void theNormHasDerivativeZeroAtZero() {
        assertArrayEquals(new double[] {0, 0}, AD.grad(Ops::norm).apply(Tensor.zeros(2)).toArray(), 0);
        assertEquals(0, AD.jvp(Ops::norm, Tensor.zeros(2), Tensor.of(1, 2)).tangent().item(), 0);
        assertArrayEquals(new double[] {0.6, 0.8}, AD.grad(Ops::norm).apply(Tensor.of(3, 4)).toArray(), 1e-15);
        assertEquals(5, Ops.norm(Tensor.of(3, 4)).item(), 0);
    }

    @Test
    void anomalyModeNamesANaNMadeFromInfinityTimesZero() {
        // √x · 0 at 0: the sqrt rule's +∞ (a documented convention) times the zero cotangent is NaN
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> AD.detectAnomaly(
                () -> AD.grad((Tensor x) -> x.sqrt().mul(0).sum()).apply(Tensor.zeros(1))));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("sqrt"), e.getMessage());
        // and without anomaly mode the NaN is the honest answer of 0·∞, not a silent 0
        assertTrue(Double.isNaN(AD.grad((Tensor x) -> x.sqrt().mul(0).sum()).apply(Tensor.zeros(1)).item()));
    }
}
