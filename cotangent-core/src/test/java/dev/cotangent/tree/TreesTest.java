package dev.cotangent.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Flatten and unflatten of each container kind, TreeDef's equality and text, map and map2. */
class TreesTest {
    record Dense(Tensor w, Tensor b, int units, String act) {}

    record Model(List<Dense> layers, Map<String, Tensor> extra, Tensor scale) {}

    private static final Tensor A = Tensor.scalar(1);
    private static final Tensor B = Tensor.of(2, 3);
    private static final Tensor C = Tensor.of(new double[][] {{4, 5}, {6, 7}});
    private static final Tensor D = Tensor.scalar(8);

    private static Model model() {
        Map<String, Tensor> extra = new LinkedHashMap<>();
        extra.put("bias", D);
        return new Model(List.of(new Dense(A, B, 3, "tanh"), new Dense(C, A, 1, null)), extra, B);
    }

    // ------------------------------------------------------------------ each container kind

    @Test
    void aLoneTensorIsOneLeafAndComesBackAsTheGivenLeaf() {
        Flattened f = Trees.flatten(A);
        assertEquals(List.of(A), f.leaves());
        assertEquals("*", f.def().toString());
        assertEquals(1, f.def().leafCount());
        assertSame(B, f.def().unflatten(B));
        assertEquals(List.of("root"), f.def().leafPaths());
    }

    @Test
    void aTensorArrayComesBackAsATensorArray() {
        Flattened f = Trees.flatten(new Tensor[] {A, B});
        assertEquals(List.of(A, B), f.leaves());
        assertEquals("Tensor[]{*, *}", f.def().toString());
        Object back = f.def().unflatten(C, D);
        assertEquals(Tensor[].class, back.getClass());
        assertSame(C, ((Tensor[]) back)[0]);
        assertSame(D, ((Tensor[]) back)[1]);
    }

    @Test
    void anObjectArrayKeepsItsStaticDataAndNesting() {
        Object[] tree = {A, new ArrayList<>(List.of(B)), 3, null};
        Flattened f = Trees.flatten(tree);
        assertEquals(List.of(A, B), f.leaves());
        assertEquals("Object[]{*, [*], 3, null}", f.def().toString());
        Object[] back = f.def().unflatten(C, D);
        assertEquals(Object[].class, back.getClass());
        assertSame(C, back[0]);
        assertEquals(List.of(D), back[1]);
        assertEquals(3, back[2]);
        assertNull(back[3]);
    }

    @Test
    void aListComesBackUnmodifiableWithTheLeavesInOrder() {
        List<Tensor> tree = new ArrayList<>(List.of(A, B, C));
        List<Tensor> back = Trees.flatten(tree).def().unflatten(D, C, B);
        assertEquals(List.of(D, C, B), back);
        assertThrows(UnsupportedOperationException.class, () -> back.add(A));
    }

    @Test
    void aMapKeepsItsIterationOrderAndComesBackInThatOrder() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("z", A);
        m.put("a", B);
        m.put("m", C);
        Flattened f = Trees.flatten(m);
        assertEquals(List.of(A, B, C), f.leaves());
        assertEquals("{z: *, a: *, m: *}", f.def().toString());
        Map<String, Tensor> back = f.def().unflatten(D, A, B);
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(back.keySet()));
        assertSame(D, back.get("z"));
        assertSame(B, back.get("m"));
        assertThrows(UnsupportedOperationException.class, () -> back.put("q", A));

        Map<String, Tensor> sorted = new TreeMap<>(m);
        assertEquals(List.of(B, C, A), Trees.leaves(sorted)); // a, m, z
    }

    @Test
    void aMapKeyThatIsNotAJavaNameIsQuotedInTextAndPaths() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer 1", A);
        m.put("w", List.of(B));
        TreeDef def = Trees.structure(m);
        assertEquals("{\"layer 1\": *, w: [*]}", def.toString());
        assertEquals(List.of("root[\"layer 1\"]", "root.w[0]"), def.leafPaths());
    }

    @Test
    void nestedRecordsComeBackWithTheirStaticComponents() {
        Flattened f = Trees.flatten(model());
        assertEquals(List.of(A, B, C, A, D, B), f.leaves());
        assertEquals("Model(layers: [Dense(w: *, b: *, units: 3, act: \"tanh\"), Dense(w: *, b: *, units: 1, "
                + "act: null)], extra: {bias: *}, scale: *)", f.def().toString());
        assertEquals(List.of("root.layers[0].w", "root.layers[0].b", "root.layers[1].w", "root.layers[1].b",
                "root.extra.bias", "root.scale"), f.def().leafPaths());
        Tensor[] fresh = new Tensor[6];
        for (int i = 0; i < 6; i++) fresh[i] = Tensor.scalar(100 + i);
        Model back = f.def().unflatten(fresh);
        assertEquals(new Dense(fresh[0], fresh[1], 3, "tanh"), back.layers().get(0));
        assertEquals(new Dense(fresh[2], fresh[3], 1, null), back.layers().get(1));
        assertEquals(Map.of("bias", fresh[4]), back.extra());
        assertSame(fresh[5], back.scale());
    }

    @Test
    void deepNestingRoundTrips() {
        Object tree = A;
        StringBuilder path = new StringBuilder("root");
        for (int depth = 0; depth < 300; depth++) {
            tree = depth % 3 == 0 ? List.of(tree) : depth % 3 == 1 ? new Object[] {tree} : Map.of("k", tree);
            path.insert(4, depth % 3 == 0 ? "[0]" : depth % 3 == 1 ? "[0]" : ".k");
        }
        TreeDef def = Trees.structure(tree);
        assertEquals(List.of(path.toString()), def.leafPaths());
        Object back = def.unflatten(B);
        for (int depth = 299; depth >= 0; depth--) {
            back = depth % 3 == 0 ? ((List<?>) back).get(0) : depth % 3 == 1 ? ((Object[]) back)[0]
                    : ((Map<?, ?>) back).get("k");
        }
        assertSame(B, back);
    }

    @Test
    void aSharedSubtreeIsFlattenedOnceForEachPlaceItIsIn() {
        List<Tensor> shared = List.of(A, B);
        assertEquals(List.of(A, B, A, B), Trees.leaves(List.of(shared, shared)));
    }

    @Test
    void staticDataOfEveryKindIsKeptAndNoLeaf() {
        Object[] tree = {"s", 'c', true, (byte) 1, (short) 2, 3, 4L, 5f, 6.5, Shape.of(2, 3),
            java.time.DayOfWeek.MONDAY, null};
        TreeDef def = Trees.structure(tree);
        assertEquals(0, def.leafCount());
        assertEquals("Object[]{\"s\", 'c', true, 1, 2, 3, 4, 5.0, 6.5, [2,3], MONDAY, null}", def.toString());
        assertArrayEquals(tree, (Object[]) def.unflatten());
    }

    // ------------------------------------------------------------------ TreeDef equality

    @Test
    void treeDefsAreEqualForTheSameStructureWhateverTheLeaves() {
        TreeDef a = Trees.structure(model());
        TreeDef b = Trees.structure(Trees.map(t -> t.mul(2.0), model()));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());

        Map<String, Tensor> hash = new HashMap<>();
        hash.put("x", A);
        Map<String, Tensor> linked = new LinkedHashMap<>();
        linked.put("x", B);
        assertEquals(Trees.structure(hash), Trees.structure(linked));
    }

    @Test
    void treeDefsDifferWithContainerKindKeyOrderOrStaticData() {
        assertNotEquals(Trees.structure(List.of(A, B)), Trees.structure(new Tensor[] {A, B}));
        assertNotEquals(Trees.structure(new Object[] {A, B}), Trees.structure(new Tensor[] {A, B}));
        assertNotEquals(Trees.structure(List.of(A, B)), Trees.structure(List.of(A)));
        Map<String, Tensor> ab = new LinkedHashMap<>();
        ab.put("a", A);
        ab.put("b", B);
        Map<String, Tensor> ba = new LinkedHashMap<>();
        ba.put("b", B);
        ba.put("a", A);
        assertNotEquals(Trees.structure(ab), Trees.structure(ba));
        assertNotEquals(Trees.structure(new Dense(A, B, 3, "tanh")), Trees.structure(new Dense(A, B, 4, "tanh")));
        assertNotEquals(Trees.structure(new Dense(A, B, 3, "tanh")), Trees.structure(new Dense(A, B, 3, "relu")));
        assertNotEquals(Trees.structure(A), Trees.structure(List.of(A)));
    }

    // ------------------------------------------------------------------ unflatten's errors

    @Test
    void unflattenWithTheWrongNumberOfLeavesSaysHowManyItNeeds() {
        TreeDef def = Trees.structure(Map.of("W", A));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> def.unflatten(A, B));
        assertTrue(e.getMessage().contains("{W: *} has 1 leaves, but 2 were given"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> def.unflatten());
    }

    @Test
    void unflattenWithANullLeafNamesItsPath() {
        TreeDef def = Trees.structure(model());
        Tensor[] leaves = {A, B, C, null, D, B};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> def.unflatten(leaves));
        assertTrue(e.getMessage().contains("root.layers[1].b"), e.getMessage());
    }

    record Vector(Tensor x) {
        Vector {
            if (x.rank() != 1) throw new IllegalArgumentException("a Vector needs a 1-d tensor");
        }
    }

    @Test
    void aRecordConstructorThatRefusesTheLeavesIsReportedWithItsClass() {
        TreeDef def = Trees.structure(new Vector(B));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> def.unflatten(A));
        assertTrue(e.getMessage().contains("Vector") && e.getMessage().contains("a Vector needs a 1-d tensor"),
                e.getMessage());
    }

    @Test
    void flattenedChecksThatItsLeavesFillTheDef() {
        TreeDef def = Trees.structure(List.of(A, B));
        assertThrows(IllegalArgumentException.class, () -> new Flattened(List.of(A), def));
        assertEquals(List.of(C, D), new Flattened(List.of(C, D), def).leaves());
    }

    // ------------------------------------------------------------------ map and map2

    @Test
    void mapAppliesTheFunctionToEveryLeafAndKeepsStaticData() {
        Model doubled = Trees.map(t -> t.mul(2.0), model());
        assertArrayEquals(new double[] {2}, doubled.layers().get(0).w().toArray());
        assertArrayEquals(new double[] {8, 10, 12, 14}, doubled.layers().get(1).w().toArray());
        assertArrayEquals(new double[] {16}, doubled.extra().get("bias").toArray());
        assertEquals(3, doubled.layers().get(0).units());
        assertEquals("tanh", doubled.layers().get(0).act());
    }

    @Test
    void mapRefusesANullResultAndNamesTheLeaf() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trees.map(t -> t == D ? null : t, model()));
        assertTrue(e.getMessage().contains("root.extra.bias"), e.getMessage());
    }

    @Test
    void map2CombinesLeavesPairwise() {
        Map<String, Tensor> params = new LinkedHashMap<>();
        params.put("w", Tensor.of(1, 2));
        params.put("b", Tensor.scalar(3));
        Map<String, Tensor> grads = new LinkedHashMap<>();
        grads.put("w", Tensor.of(10, 20));
        grads.put("b", Tensor.scalar(30));
        Map<String, Tensor> step = Trees.map2((p, g) -> p.sub(g.mul(0.1)), params, grads);
        assertArrayEquals(new double[] {0, 0}, step.get("w").toArray(), 1e-15);
        assertArrayEquals(new double[] {0}, step.get("b").toArray(), 1e-15);
    }

    @Test
    void map2OfTwoStructuresNamesBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trees.map2(Tensor::add, List.of(A, B), List.of(A)));
        assertTrue(e.getMessage().contains("[*, *] and [*]"), e.getMessage());
    }
}
