package dev.cotangent.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGradList;
import dev.cotangent.tensor.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Ravel and unravel on ops (differentiable) and on double[]; the empty tree. */
class RavelTest {
    record Params(Tensor w, List<Tensor> bs, Map<String, Tensor> m, int power) {}

    private static Params params() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("c", Tensor.scalar(1.5));
        return new Params(Tensor.of(new double[][] {{0.5, -1, 2}, {1, 0.25, -0.5}}),
                List.of(Tensor.of(0.1, -0.2)), m, 3);
    }

    private static final double[] FLAT = {0.5, -1, 2, 1, 0.25, -0.5, 0.1, -0.2, 1.5};

    private static void assertTensor(int[] shape, double[] values, Tensor t) {
        assertArrayEquals(shape, t.shape());
        assertArrayEquals(values, t.toArray(), 0.0);
    }

    // ------------------------------------------------------------------ on ops

    @Test
    void ravelPutsTheLeavesRowMajorOneAfterTheOther() {
        Raveled r = Trees.ravel(params());
        assertTensor(new int[] {9}, FLAT, r.flat());
        assertEquals(List.of(Shape.of(2, 3), Shape.of(2), Shape.scalar()), r.layout().shapes());
        assertEquals(9, r.layout().size());
        assertEquals("Layout Params(w: *[2,3], bs: [*[2]], m: {c: *[]}, power: 3)", r.layout().toString());
    }

    @Test
    void unravelCutsAVectorIntoTheTree() {
        Raveled r = Trees.ravel(params());
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        Params p = r.unravel(Tensor.of(v));
        assertTensor(new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6}, p.w());
        assertTensor(new int[] {2}, new double[] {7, 8}, p.bs().get(0));
        assertTensor(new int[0], new double[] {9}, p.m().get("c"));
        assertEquals(3, p.power());
        assertArrayEquals(v, r.layout().ravel(p).toArray(), 0.0);
    }

    @Test
    void unravelOfAVectorOfTheWrongLengthSaysWhatItNeeds() {
        Raveled r = Trees.ravel(params());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.unravel(Tensor.zeros(8)));
        assertTrue(e.getMessage().contains("[8]") && e.getMessage().contains("9 elements"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.unravel(Tensor.zeros(3, 3)));
    }

    @Test
    void aLayoutRefusesATreeOfAnotherStructureOrShape() {
        Layout layout = Layout.of(params());
        Params other = new Params(Tensor.zeros(2, 3), List.of(Tensor.zeros(3)), params().m(), 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layout.ravel(other));
        assertTrue(e.getMessage().contains("root.bs[0]") && e.getMessage().contains("[3]"), e.getMessage());
        Params otherPower = new Params(params().w(), params().bs(), params().m(), 2);
        e = assertThrows(IllegalArgumentException.class, () -> layout.toDoubles(otherPower));
        assertTrue(e.getMessage().contains("power: 2") && e.getMessage().contains("power: 3"), e.getMessage());
    }

    @Test
    void theEmptyTreeRavelsToAZeroLengthVector() {
        Raveled r = Trees.ravel(new ArrayList<Tensor>());
        assertArrayEquals(new int[] {0}, r.flat().shape());
        assertEquals(List.of(), r.unravel(Tensor.zeros(0)));
        assertEquals(0, Trees.toDoubles(Map.of()).length);
        record OnlyStatic(int n, String name) {}
        OnlyStatic s = new OnlyStatic(4, "four");
        assertEquals(s, Layout.of(s).fromDoubles(new double[0]));
        assertArrayEquals(new int[] {0}, Trees.ravel(s).flat().shape());
    }

    // ------------------------------------------------------------------ ravel is differentiable

    /** L = Σ tanh(w·x + b) · c + c^power, with x = (1, 2, 3). */
    private static Tensor loss(Params p) {
        Tensor x = Tensor.of(1, 2, 3);
        Tensor c = p.m().get("c");
        return Ops.tanh(p.w().matmul(x).add(p.bs().get(0))).sum().mul(c).add(c.pow(p.power()));
    }

    @Test
    void gradThroughUnravelEqualsThePerLeafGradients() {
        Raveled r = Trees.ravel(params());
        Tensor flatGrad = AD.grad((Tensor v) -> loss(r.unravel(v))).apply(r.flat());

        TreeDef def = r.layout().def();
        ValueAndGradList perLeaf = AD.valueAndGrad((Tensor[] xs) -> loss(def.unflatten(xs)),
                Trees.leaves(params()).toArray(new Tensor[0]));
        List<Tensor> g = perLeaf.grads();
        double[] expected = new double[9];
        int off = 0;
        for (Tensor t : g) for (double d : t.toArray()) expected[off++] = d;
        assertArrayEquals(expected, flatGrad.toArray(), 1e-14);

        // and by hand: with z = w·x + b, dL/dw_ij = c (1 − tanh² z_i) x_j, dL/db_i = c (1 − tanh² z_i),
        // dL/dc = Σ tanh z + 3c².
        double[] w = {0.5, -1, 2, 1, 0.25, -0.5};
        double[] x = {1, 2, 3};
        double[] b = {0.1, -0.2};
        double c = 1.5;
        double[] hand = new double[9];
        double sumTanh = 0;
        for (int i = 0; i < 2; i++) {
            double z = b[i];
            for (int j = 0; j < 3; j++) z += w[3 * i + j] * x[j];
            double th = Math.tanh(z);
            sumTanh += th;
            for (int j = 0; j < 3; j++) hand[3 * i + j] = c * (1 - th * th) * x[j];
            hand[6 + i] = c * (1 - th * th);
        }
        hand[8] = sumTanh + 3 * c * c;
        assertArrayEquals(hand, flatGrad.toArray(), 1e-12);
    }

    @Test
    void underATransformTheUnraveledLeavesAreTracers() {
        Raveled r = Trees.ravel(params());
        int[] levels = new int[3];
        AD.grad((Tensor v) -> {
            Params p = r.unravel(v);
            levels[0] = p.w().level();
            levels[1] = p.bs().get(0).level();
            levels[2] = p.m().get("c").level();
            return loss(p);
        }).apply(r.flat());
        for (int l : levels) assertTrue(l > 0, "a leaf at level " + l + " is a constant to grad");
    }

    @Test
    void theHessianThroughUnravelIsTheHandOne() {
        // f(a, b) = Σ a_i² b with a = (2, −1), b = 4: ∂²f/∂a_i² = 2b, ∂²f/∂a_i∂b = 2a_i, ∂²f/∂b² = 0.
        Map<String, Tensor> tree = new LinkedHashMap<>();
        tree.put("a", Tensor.of(2, -1));
        tree.put("b", Tensor.scalar(4));
        Raveled r = Trees.ravel(tree);
        Function<Tensor, Tensor> f = v -> {
            Map<String, Tensor> p = r.unravel(v);
            return p.get("a").square().sum().mul(p.get("b"));
        };
        Tensor h = AD.hessian(f).apply(r.flat());
        assertTensor(new int[] {3, 3}, new double[] {8, 0, 4, 0, 8, -2, 4, -2, 0}, h);
    }

    // ------------------------------------------------------------------ on double[]

    @Test
    void toDoublesAndFromDoublesRoundTripOnPlainNumbers() {
        assertArrayEquals(FLAT, Trees.toDoubles(params()), 0.0);
        Layout layout = Layout.of(params());
        assertArrayEquals(FLAT, layout.toDoubles(params()), 0.0);
        double[] v = {9, 8, 7, 6, 5, 4, 3, 2, 1};
        Params p = layout.fromDoubles(v);
        v[0] = -100; // fromDoubles copies: the tree does not see later changes
        assertTensor(new int[] {2, 3}, new double[] {9, 8, 7, 6, 5, 4}, p.w());
        assertTensor(new int[] {2}, new double[] {3, 2}, p.bs().get(0));
        assertTensor(new int[0], new double[] {1}, p.m().get("c"));
        assertEquals(3, p.power());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layout.fromDoubles(new double[10]));
        assertTrue(e.getMessage().contains("10 numbers") && e.getMessage().contains("needs 9"), e.getMessage());
    }

    @Test
    void aLayoutIsAValueAndChecksItsShapes() {
        TreeDef def = Trees.structure(List.of(Tensor.scalar(0), Tensor.scalar(0)));
        Layout a = new Layout(def, List.of(Shape.of(2), Shape.of(3, 1)));
        assertEquals(a, Layout.of(List.of(Tensor.zeros(2), Tensor.zeros(3, 1))));
        assertEquals(5, a.size());
        assertThrows(IllegalArgumentException.class, () -> new Layout(def, List.of(Shape.of(2))));
        List<Tensor> back = a.fromDoubles(new double[] {1, 2, 3, 4, 5});
        assertTensor(new int[] {3, 1}, new double[] {3, 4, 5}, back.get(1));
    }
}
