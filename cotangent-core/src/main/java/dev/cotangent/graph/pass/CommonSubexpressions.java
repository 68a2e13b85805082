package dev.cotangent.graph.pass;

import dev.cotangent.graph.Constant;
import dev.cotangent.graph.Graph;
import dev.cotangent.graph.Node;
import dev.cotangent.primitive.Primitive;
import dev.cotangent.tensor.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Common-subexpression elimination: a node that applies an equal primitive (same class and parameters, see
 * {@link dev.cotangent.primitive.Named#equals}) to the same operands as an earlier node is replaced by that node
 * (each of its results by the earlier node's result); constants holding the same numbers are merged. The
 * operands of a primitive that declares itself {@link Primitive#commutative()} (add, mul, maximum, minimum) are
 * compared as a set, so {@code y*a} and {@code a*y} merge. Every primitive is a pure function, so this preserves values.
 * Merged nodes leave no trace; run {@link DeadCode} after it to drop constants that became unused.
 */
public final class CommonSubexpressions implements Pass {
    public static final CommonSubexpressions INSTANCE = new CommonSubexpressions();

    private CommonSubexpressions() {}

    /** A node's call: an equal primitive on the same operands is the same value. */
    private static final class Key {
        private final Primitive primitive;
        private final int[] parents;
        private final int hash;

        Key(Primitive primitive, int[] parents) {
            this.primitive = primitive;
            this.parents = parents;
            this.hash = primitive.hashCode() * 31 + Arrays.hashCode(parents);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && Arrays.equals(parents, k.parents)
                    && primitive.equals(k.primitive);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A constant's numbers, bit for bit, with its shape. */
    private static final class ConstantKey {
        private final Shape shape;
        private final double[] data;

        ConstantKey(Shape shape, double[] data) {
            this.shape = shape;
            this.data = data;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ConstantKey k && shape.equals(k.shape) && Arrays.equals(data, k.data);
        }

        @Override
        public int hashCode() {
            return shape.hashCode() * 31 + Arrays.hashCode(data);
        }
    }

    @Override
    public Graph apply(Graph g) {
        int[] rep = new int[g.maxId() + 1];
        for (int i = 0; i < rep.length; i++) rep[i] = i;
        List<Constant> constants = new ArrayList<>();
        Map<ConstantKey, Integer> seenConstants = new HashMap<>();
        for (Constant c : g.constants()) {
            ConstantKey k = new ConstantKey(c.shape(), c.value().unsafeData());
            Integer first = seenConstants.putIfAbsent(k, c.id());
            if (first == null) constants.add(c);
            else rep[c.id()] = first;
        }
        List<Node> nodes = new ArrayList<>();
        Map<Key, Integer> seen = new HashMap<>();
        boolean changed = constants.size() != g.constants().size();
        for (Node n : g.nodes()) {
            Integer[] ps = new Integer[n.parents().size()];
            boolean remapped = false;
            for (int i = 0; i < ps.length; i++) {
                ps[i] = rep[n.parents().get(i)];
                remapped |= ps[i] != n.parents().get(i).intValue();
            }
            List<Integer> parents = List.of(ps);
            int[] canonical = new int[ps.length];
            for (int i = 0; i < ps.length; i++) canonical[i] = ps[i];
            if (n.primitive().commutative()) Arrays.sort(canonical);
            Integer first = seen.putIfAbsent(new Key(n.primitive(), canonical), nodes.size());
            if (first != null) {
                Node earlier = nodes.get(first);
                for (int k = 0; k < n.results(); k++) rep[n.ids().get(k)] = earlier.ids().get(k);
                changed = true;
            } else {
                nodes.add(remapped ? n.withParents(parents) : n);
                changed |= remapped;
            }
        }
        if (!changed) return g;
        List<Integer> outputs = new ArrayList<>();
        for (int o : g.outputs()) outputs.add(rep[o]);
        return new Graph(g.inputs(), constants, nodes, outputs);
    }
}
