package dev.cotangent.graph;

import dev.cotangent.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * A staged program as plain immutable data, the computational DAG of the lecture: inputs, constants, and nodes
 * {@code x_k = f_k(x_parents)} (several x_k for a primitive with several results) in a topological order (every parent is an input, a constant or an earlier node),
 * and the ids of the outputs. Ids are unique across the three kinds; they need not be dense. Built by
 * {@code AD.stage}, run by {@link Evaluator}, rewritten by the passes of {@code dev.cotangent.graph.pass}.
 */
public record Graph(List<Input> inputs, List<Constant> constants, List<Node> nodes, List<Integer> outputs) {

    /** Checks that ids are unique, parents come first, and each node's shape follows its primitive's rule. */
    public Graph {
        inputs = List.copyOf(inputs);
        constants = List.copyOf(constants);
        nodes = List.copyOf(nodes);
        outputs = List.copyOf(outputs);
        int max = -1;
        for (Input v : inputs) max = Math.max(max, v.id());
        for (Constant v : constants) max = Math.max(max, v.id());
        for (Node v : nodes) for (int id : v.ids()) max = Math.max(max, id);
        Var[] seen = new Var[max + 1];
        for (Input v : inputs) define(seen, v);
        for (Constant v : constants) define(seen, v);
        for (Node n : nodes) {
            Shape[] in = new Shape[n.parents().size()];
            for (int i = 0; i < in.length; i++) {
                int p = n.parents().get(i);
                if (p < 0 || p >= seen.length || seen[p] == null) {
                    throw new IllegalArgumentException("graph: node " + n.id() + " (" + n.primitive() + ") uses v" + p
                            + ", which is not an input, a constant or an earlier node");
                }
                in[i] = seen[p].shape();
            }
            java.util.List<Shape> s = java.util.Arrays.asList(n.primitive().shapes(in));
            if (!s.equals(n.shapes())) {
                throw new IllegalArgumentException("graph: node " + n.id() + " (" + n.primitive() + ") has shape(s) "
                        + n.shapes() + " but its operands give " + s);
            }
            define(seen, n);
            for (int k = 1; k < n.results(); k++) define(seen, new Result(n.ids().get(k), n, k));
        }
        for (int o : outputs) {
            if (o < 0 || o >= seen.length || seen[o] == null) {
                throw new IllegalArgumentException("graph: output v" + o + " is not a variable of the graph");
            }
        }
    }

    private static void define(Var[] seen, Var v) {
        if (v.id() < 0) throw new IllegalArgumentException("graph: negative id " + v.id());
        if (seen[v.id()] != null) throw new IllegalArgumentException("graph: id " + v.id() + " is used twice");
        seen[v.id()] = v;
    }

    /** The program as the lecture writes it, one {@code x_k = f_k(parents)} line per node ({@link Listing}). */
    @Override
    public String toString() {
        return Listing.render(this);
    }

    /** The number of operations (nodes): the cost measure of the lecture's "k operations". */
    public int opCount() {
        return nodes.size();
    }

    /** The largest id in use (−1 for an empty graph). */
    public int maxId() {
        int max = -1;
        for (Input v : inputs) max = Math.max(max, v.id());
        for (Constant v : constants) max = Math.max(max, v.id());
        for (Node v : nodes) for (int id : v.ids()) max = Math.max(max, id);
        return max;
    }

    /** Every variable, indexed by id (null where no variable has that id); compute once and keep. */
    public Var[] byId() {
        Var[] r = new Var[maxId() + 1];
        for (Input v : inputs) r[v.id()] = v;
        for (Constant v : constants) r[v.id()] = v;
        for (Node v : nodes) {
            r[v.id()] = v;
            for (int k = 1; k < v.results(); k++) r[v.ids().get(k)] = new Result(v.ids().get(k), v, k);
        }
        return r;
    }

    /** The same program with the inputs given display names, in order. */
    public Graph withInputNames(List<String> names) {
        if (names.size() != inputs.size()) {
            throw new IllegalArgumentException("graph: " + names.size() + " names for " + inputs.size() + " inputs");
        }
        List<Input> in = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input v = inputs.get(i);
            in.add(new Input(v.id(), names.get(i), v.shape()));
        }
        return new Graph(in, constants, nodes, outputs);
    }

    /** For each id, how many nodes use it as an operand (a parent used twice by one node counts twice). */
    public int[] useCounts() {
        int[] uses = new int[maxId() + 1];
        for (Node n : nodes) for (int p : n.parents()) uses[p]++;
        return uses;
    }
}
