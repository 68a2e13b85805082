package dev.cotangent.graph.pass;

import dev.cotangent.graph.Constant;
import dev.cotangent.graph.Graph;
import dev.cotangent.graph.Node;
import dev.cotangent.graph.Var;
import dev.cotangent.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * Constant folding: a node whose operands are all constants is computed now and becomes a constant (unless the
 * result would be larger than its operands together, e.g. a broadcast, which stays an op). Also removes the
 * operations with a neutral constant that are exact in IEEE arithmetic: {@code x·1}, {@code 1·x}, {@code x/1}
 * and {@code x−0} become {@code x} when that does not change the shape. (The backward pass seeds with 1, so
 * these are common in staged gradients.) Run {@link DeadCode} after it to drop what became unused.
 */
public final class ConstantFolding implements Pass {
    public static final ConstantFolding INSTANCE = new ConstantFolding();

    private ConstantFolding() {}

    @Override
    public Graph apply(Graph g) {
        Var[] vars = g.byId();
        int[] rep = new int[vars.length];
        for (int i = 0; i < rep.length; i++) rep[i] = i;
        List<Constant> constants = new ArrayList<>(g.constants());
        List<Node> nodes = new ArrayList<>();
        boolean changed = false;
        for (Node n : g.nodes()) {
            int k = n.parents().size();
            Var[] in = new Var[k];
            Integer[] ps = new Integer[k];
            boolean allConstant = true;
            boolean remapped = false;
            long inSize = 0;
            for (int i = 0; i < k; i++) {
                ps[i] = rep[n.parents().get(i)];
                remapped |= ps[i] != n.parents().get(i).intValue();
                in[i] = vars[ps[i]];
                allConstant &= in[i] instanceof Constant;
                inSize += in[i].shape().size();
            }
            long outSize = 0;
            for (dev.cotangent.tensor.Shape s : n.shapes()) outSize += s.size();
            if (allConstant && outSize <= Math.max(1, inSize)) {
                NDArray[] v = new NDArray[k];
                for (int i = 0; i < k; i++) v[i] = ((Constant) in[i]).value();
                NDArray[] results = n.primitive().applyAll(v);
                for (int r = 0; r < results.length; r++) {
                    Constant c = new Constant(n.ids().get(r), results[r]);
                    constants.add(c);
                    vars[c.id()] = c;
                }
                changed = true;
                continue;
            }
            int same = neutral(n, in);
            if (same >= 0) {
                rep[n.id()] = same;
                changed = true;
                continue;
            }
            changed |= remapped;
            nodes.add(remapped ? n.withParents(List.of(ps)) : n);
        }
        if (!changed) return g;
        List<Integer> outputs = new ArrayList<>();
        for (int o : g.outputs()) outputs.add(rep[o]);
        return new Graph(g.inputs(), constants, nodes, outputs);
    }

    /**
     * The id of the operand that {@code n} merely passes through because the other is the primitive's
     * {@link dev.cotangent.primitive.Primitive#identity identity} (x·1, 1·x, x/1, x−0), or −1.
     */
    private static int neutral(Node n, Var[] in) {
        if (in.length != 2 || n.results() != 1) return -1;
        for (int i = 0; i < 2; i++) {
            java.util.OptionalDouble e = n.primitive().identity(i);
            Var other = in[1 - i];
            if (e.isPresent() && isScalar(in[i], e.getAsDouble()) && other.shape().equals(n.shape())) return other.id();
        }
        return -1;
    }

    private static boolean isScalar(Var v, double x) {
        return v instanceof Constant && ((Constant) v).isScalar(x);
    }
}
