package dev.cotangent.graph.pass;

import dev.cotangent.graph.Constant;
import dev.cotangent.graph.Graph;
import dev.cotangent.graph.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Dead-code elimination: drops the nodes and constants no output depends on (a backward reachability sweep
 * from the outputs, in reverse topological order). Inputs stay, used or not: they are the graph's signature.
 */
public final class DeadCode implements Pass {
    public static final DeadCode INSTANCE = new DeadCode();

    private DeadCode() {}

    @Override
    public Graph apply(Graph g) {
        boolean[] live = new boolean[g.maxId() + 1];
        for (int o : g.outputs()) live[o] = true;
        List<Node> nodes = g.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (isLive(n, live)) for (int p : n.parents()) live[p] = true;
        }
        List<Constant> constants = new ArrayList<>();
        for (Constant c : g.constants()) if (live[c.id()]) constants.add(c);
        List<Node> kept = new ArrayList<>();
        for (Node n : nodes) if (isLive(n, live)) kept.add(n);
        if (kept.size() == nodes.size() && constants.size() == g.constants().size()) return g;
        return new Graph(g.inputs(), constants, kept, g.outputs());
    }

    /** A node is live when any of its results is (a primitive with several results runs whole or not at all). */
    private static boolean isLive(Node n, boolean[] live) {
        for (int id : n.ids()) if (live[id]) return true;
        return false;
    }
}
