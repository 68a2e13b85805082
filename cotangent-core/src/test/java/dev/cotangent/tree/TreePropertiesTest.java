package dev.cotangent.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Round trips over random trees (arrays, lists, maps, records and static data nested up to four deep, leaves of
 * random shapes including empty ones), checked against a walker written here independently of the package.
 */
class TreePropertiesTest {
    record Pair(Object left, Object right, int tag) {}

    private static final class Gen {
        final Random rng;
        double next = 1;

        Gen(long seed) {
            rng = new Random(seed);
        }

        Object tree(int depth) {
            int kind = rng.nextInt(depth == 0 ? 2 : 7);
            switch (kind) {
                case 0: return leaf();
                case 1: return rng.nextBoolean() ? null : rng.nextBoolean() ? "s" + rng.nextInt(3) : rng.nextInt(3);
                case 2: {
                    Tensor[] a = new Tensor[rng.nextInt(4)];
                    for (int i = 0; i < a.length; i++) a[i] = leaf();
                    return a;
                }
                case 3: {
                    Object[] a = new Object[rng.nextInt(4)];
                    for (int i = 0; i < a.length; i++) a[i] = tree(depth - 1);
                    return a;
                }
                case 4: {
                    List<Object> l = new ArrayList<>();
                    for (int i = rng.nextInt(4); i > 0; i--) l.add(tree(depth - 1));
                    return l;
                }
                case 5: {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = rng.nextInt(4); i > 0; i--) m.put("k" + rng.nextInt(100), tree(depth - 1));
                    return m;
                }
                default: return new Pair(tree(depth - 1), tree(depth - 1), rng.nextInt(5));
            }
        }

        Tensor leaf() {
            int[] dims = new int[rng.nextInt(3)];
            for (int i = 0; i < dims.length; i++) dims[i] = rng.nextInt(4); // 0 included: empty leaves
            int n = 1;
            for (int d : dims) n *= d;
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = next++;
            return Tensor.of(dims, v);
        }
    }

    /** The leaves in depth-first order, found without the package. */
    private static void collect(Object x, List<Tensor> out) {
        if (x instanceof Tensor t) out.add(t);
        else if (x instanceof Object[] a) for (Object o : a) collect(o, out);
        else if (x instanceof List<?> l) for (Object o : l) collect(o, out);
        else if (x instanceof Map<?, ?> m) for (Object o : m.values()) collect(o, out);
        else if (x instanceof Pair p) {
            collect(p.left(), out);
            collect(p.right(), out);
        }
    }

    /** Same containers, same static data, and {@code leaf} holds for each pair of leaves. */
    private static void assertSameTree(Object expected, Object actual, BiConsumer<Tensor, Tensor> leaf) {
        if (expected instanceof Tensor t) {
            assertTrue(actual instanceof Tensor, "a leaf became " + actual);
            leaf.accept(t, (Tensor) actual);
        } else if (expected instanceof Object[] a) {
            assertEquals(a.getClass(), actual.getClass());
            Object[] b = (Object[]) actual;
            assertEquals(a.length, b.length);
            for (int i = 0; i < a.length; i++) assertSameTree(a[i], b[i], leaf);
        } else if (expected instanceof List<?> l) {
            List<?> k = (List<?>) actual;
            assertEquals(l.size(), k.size());
            for (int i = 0; i < l.size(); i++) assertSameTree(l.get(i), k.get(i), leaf);
        } else if (expected instanceof Map<?, ?> m) {
            Map<?, ?> k = (Map<?, ?>) actual;
            assertEquals(new ArrayList<>(m.keySet()), new ArrayList<>(k.keySet()));
            Iterator<?> it = k.values().iterator();
            for (Object v : m.values()) assertSameTree(v, it.next(), leaf);
        } else if (expected instanceof Pair p) {
            Pair q = (Pair) actual;
            assertEquals(p.tag(), q.tag());
            assertSameTree(p.left(), q.left(), leaf);
            assertSameTree(p.right(), q.right(), leaf);
        } else {
            assertEquals(expected, actual);
        }
    }

    private static final BiConsumer<Tensor, Tensor> SAME = (a, b) -> assertSame(a, b);
    private static final BiConsumer<Tensor, Tensor> EQUAL_VALUES = (a, b) -> {
        assertArrayEquals(a.shape(), b.shape());
        assertArrayEquals(a.toArray(), b.toArray(), 0.0);
    };

    @Property(tries = 300)
    void flattenFindsTheLeavesInOrderAndUnflattenGivesTheTreeBack(@ForAll long seed) {
        Object tree = new Gen(seed).tree(4);
        List<Tensor> expected = new ArrayList<>();
        collect(tree, expected);
        Flattened f = Trees.flatten(tree);
        assertEquals(expected.size(), f.leaves().size());
        for (int i = 0; i < expected.size(); i++) assertSame(expected.get(i), f.leaves().get(i));
        assertEquals(expected.size(), f.def().leafCount());
        assertEquals(expected.size(), f.def().leafPaths().size());
        assertSameTree(tree, f.def().unflatten(f.leaves()), SAME);
        assertEquals(f.def(), Trees.structure(f.def().unflatten(f.leaves())));
    }

    @Property(tries = 300)
    void ravelAndToDoublesRoundTrip(@ForAll long seed) {
        Object tree = new Gen(seed).tree(4);
        List<Tensor> leaves = new ArrayList<>();
        collect(tree, leaves);
        int total = 0;
        for (Tensor t : leaves) total += t.size();
        double[] expected = new double[total];
        int off = 0;
        for (Tensor t : leaves) for (double d : t.toArray()) expected[off++] = d;

        Raveled r = Trees.ravel(tree);
        assertArrayEquals(new int[] {total}, r.flat().shape());
        assertArrayEquals(expected, r.flat().toArray(), 0.0);
        assertSameTree(tree, r.unravel(r.flat()), EQUAL_VALUES);

        double[] plain = Trees.toDoubles(tree);
        assertArrayEquals(expected, plain, 0.0);
        assertSameTree(tree, r.layout().fromDoubles(plain), EQUAL_VALUES);
    }
}
