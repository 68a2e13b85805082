package dev.cotangent.tree;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What flatten refuses, and that its message names the path, the class and what a tree may hold. */
class FlattenErrorsTest {
    record Loose(Object w) {}

    record Strict(ArrayList<Tensor> xs) {}

    private static final Tensor T = Tensor.of(1, 2);

    private static String message(Object tree) {
        return assertThrows(IllegalArgumentException.class, () -> Trees.flatten(tree)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "\"" + p + "\" missing from: " + message);
    }

    @Test
    void aSetDeepInsideNamesItsPathItsClassAndWhatIsSupported() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("layers", List.of(new Loose(T), new Loose(T), new Loose(new HashSet<>(Set.of(T)))));
        assertContains(message(tree), "root.layers[2].w", "java.util.HashSet", "Lists", "records", "use a List");
    }

    @Test
    void anArbitraryMutableObjectIsRefused() {
        assertContains(message(List.of(T, new StringBuilder("x"))), "root[1]", "java.lang.StringBuilder",
                "static data");
    }

    @Test
    void anNDArraySaysHowToMakeItALeaf() {
        assertContains(message(new Loose(NDArray.of(1, 2))), "root.w", "dev.cotangent.tensor.NDArray",
                "Tensor.from");
    }

    @Test
    void anArrayOfPrimitivesIsRefusedWithItsJavaTypeName() {
        assertContains(message(new Object[] {T, new double[] {1, 2}}), "root[1]", "double[]", "Tensor.of");
    }

    @Test
    void aMapKeyThatIsNotAStringIsRefused() {
        Map<Object, Tensor> m = new LinkedHashMap<>();
        m.put("ok", T);
        m.put(7, T);
        assertContains(message(List.of(m)), "root[0]", "java.lang.Integer", "must be Strings");
    }

    @Test
    void aComponentDeclaredAsAConcreteListClassIsRefusedAtFlatten() {
        assertContains(message(new Strict(new ArrayList<>(List.of(T)))), "root.xs", "java.util.ArrayList",
                "declare it as List");
    }

    @Test
    void anArrayWhoseComponentTypeCannotHoldTheRebuiltContainerIsRefused() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        ArrayList<Tensor>[] arrays = new ArrayList[] {new ArrayList<>(List.of(T))};
        assertContains(message(arrays), "root[0]", "java.util.ArrayList", "declare it as List");
    }

    @Test
    void aCycleIsRefusedWhereItCloses() {
        List<Object> inner = new ArrayList<>();
        List<Object> outer = new ArrayList<>(List.of(T, inner));
        inner.add(outer);
        assertContains(message(outer), "root[1][0]", "contains itself");
    }
}
