package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Functions of trees (records, lists, maps) through grad, vjp, jvp and jacobian, against closed forms. */
class TreeTransformsTest {
    /** A model's parameters as a record: y = w·x + b. */
    record Linear(Tensor w, Tensor b) {}

    /** Nested: a list of layers and a scale. */
    record Model(List<Linear> layers, Tensor scale) {}

    private static final Tensor X = Tensor.of(1, 2);

    private static Tensor loss(Model m) {
        Tensor h = X;
        for (Linear l : m.layers()) h = l.w().matmul(h).add(l.b());
        return h.mul(m.scale()).sum();
    }

    @Test
    void valueAndGradOfARecordTree() {
        // one layer: L = s Σ_i (W x + b)_i, so ∂L/∂W_ij = s x_j, ∂L/∂b_i = s, ∂L/∂s = Σ (W x + b)
        Model m = new Model(List.of(new Linear(Tensor.of(new double[][] {{1, 0}, {2, 1}}), Tensor.of(0.5, -1))),
                Tensor.scalar(3));
        ValueAndGradOf<Model> r = AD.valueAndGrad(TreeTransformsTest::loss, m);
        // W x + b = [1.5, 3]
        assertEquals(3 * 4.5, r.value().item(), 1e-15);
        Model g = r.grad();
        assertArrayEquals(new double[] {3, 6, 3, 6}, g.layers().get(0).w().toArray(), 1e-15);
        assertArrayEquals(new double[] {3, 3}, g.layers().get(0).b().toArray(), 1e-15);
        assertEquals(4.5, g.scale().item(), 1e-15);
    }

    @Test
    void vjpOfSeveralInputsAndSeveralOutputs() {
        // (a, b) ↦ {"sum": a + b, "prod": a·b}; pullback of (u, v) is (u + v·b, u + v·a)
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("a", Tensor.of(1, 2));
        in.put("b", Tensor.of(3, 5));
        VjpOf<Map<String, Tensor>, Map<String, Tensor>> r = AD.vjp(p -> {
            Map<String, Tensor> out = new LinkedHashMap<>();
            out.put("sum", p.get("a").add(p.get("b")));
            out.put("prod", p.get("a").mul(p.get("b")));
            return out;
        }, in);
        assertArrayEquals(new double[] {3, 10}, r.value().get("prod").toArray(), 0);
        Map<String, Tensor> ct = new LinkedHashMap<>();
        ct.put("sum", Tensor.of(1, 1));
        ct.put("prod", Tensor.of(2, -1));
        Map<String, Tensor> g = r.pullback(ct);
        assertArrayEquals(new double[] {1 + 2 * 3, 1 - 5}, g.get("a").toArray(), 0);
        assertArrayEquals(new double[] {1 + 2 * 1, 1 - 2}, g.get("b").toArray(), 0);
        Map<String, Tensor> wrong = Map.of("sum", Tensor.of(1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.pullback(wrong));
        assertTrue(e.getMessage().contains("structure"), e.getMessage());
    }

    @Test
    void jvpOfATreeAgreesWithVjpByTheDotProductTest() {
        Tensor[] x = {Tensor.of(0.3, -0.4), Tensor.scalar(1.2)};
        Tensor[] v = {Tensor.of(1, 2), Tensor.scalar(-1)};
        java.util.function.Function<Tensor[], List<Tensor>> f = p ->
                List.of(p[0].sin().mul(p[1]), p[0].mul(p[0]).sum().add(p[1].exp()));
        JvpOf<List<Tensor>> j = AD.jvp(f, x, v);
        List<Tensor> u = List.of(Tensor.of(0.5, -2), Tensor.scalar(3));
        Tensor[] back = AD.vjp(f, x).pullback(u);
        double lhs = 0;
        for (int k = 0; k < 2; k++) lhs += u.get(k).mul(j.tangent().get(k)).sum().item();
        double rhs = back[0].mul(v[0]).sum().item() + back[1].mul(v[1]).sum().item();
        assertEquals(lhs, rhs, 1e-14);
        // and the tangent of the second output by hand: 2 x·v₀ + e^{x₁} v₁
        assertEquals(2 * (0.3 - 0.8) - Math.exp(1.2), j.tangent().get(1).item(), 1e-14);
    }

    @Test
    void jacobianWithRespectToARaveledTree() {
        // f(a, b) = [a₀ b, a₁ b]: columns a₀, a₁, b
        Tensor j = AD.jacobian((Tensor[] p) -> p[0].mul(p[1]), new Tensor[] {Tensor.of(2, 3), Tensor.scalar(5)});
        assertArrayEquals(new int[] {2, 3}, j.shape());
        assertArrayEquals(new double[] {5, 0, 2, 0, 5, 3}, j.toArray(), 0);
    }

    @Test
    void vmapOfATreeBatchesEveryLeaf() {
        // per example: (w·x_k + b, |x_k|²) for a batch of 3 examples
        Linear batch = new Linear(Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}), Tensor.of(1, 0, -1));
        List<Tensor> out = AD.vmap((Linear l) -> List.of(l.w().matmul(X).add(l.b()), l.w().mul(l.w()).sum()), batch);
        assertArrayEquals(new double[] {1 + 4 + 1, 3 + 8, 5 + 12 - 1}, out.get(0).toArray(), 0);
        assertArrayEquals(new double[] {5, 25, 61}, out.get(1).toArray(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AD.vmap((Linear l) -> l.b(), new Linear(Tensor.zeros(3, 2), Tensor.zeros(4))));
        assertTrue(e.getMessage().contains("b") && e.getMessage().contains("[4]"), e.getMessage());
    }
}
