package dev.cotangent.graph;

import dev.cotangent.tensor.NDArray;
import java.util.List;
import java.util.Map;

/**
 * The graph in Graphviz's DOT language, drawn left to right like the lecture's DAGs: inputs as ellipses,
 * operations as boxes, constants as plain text, outputs doubled. With values, each box shows its value; with
 * adjoints (∂f/∂x_k, e.g. from {@link AdjointTable}), each shows its adjoint ∂f/∂x_k too (NaN entries are left out); with local partials, each
 * edge l → k is labelled with [∂x_k/∂x_l].
 */
public final class Dot {
    private Dot() {}

    /** The DOT source of {@code g} without numbers. */
    public static String render(Graph g) {
        return render(g, null, null, null);
    }

    /**
     * The DOT source with optional annotations (any may be null): {@code values} and {@code adjoints} indexed by
     * id, {@code partials} the local partials of a scalar graph.
     */
    public static String render(Graph g, NDArray[] values, double[] adjoints, LocalPartials partials) {
        Names names = new Names(g);
        StringBuilder sb = new StringBuilder("digraph cotangent {\n");
        sb.append("  rankdir=LR;\n");
        sb.append("  node [fontname=\"Helvetica\", fontsize=11];\n");
        sb.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");
        java.util.Set<Integer> outs = new java.util.HashSet<>(g.outputs());
        for (Input v : g.inputs()) {
            String label = names.of(v.id()) + (v.name() != null ? " = " + v.name() : "")
                    + annotate(names.of(v.id()), v.id(), values, adjoints);
            sb.append("  v").append(v.id()).append(" [shape=ellipse, style=filled, fillcolor=\"#dbe9f6\"")
                    .append(outs.contains(v.id()) ? ", peripheries=2" : "").append(", label=\"").append(esc(label))
                    .append("\"];\n");
        }
        for (Constant c : g.constants()) {
            sb.append("  v").append(c.id()).append(" [shape=plaintext, label=\"").append(esc(names.of(c.id())))
                    .append("\"];\n");
        }
        for (Node n : g.nodes()) {
            StringBuilder label = new StringBuilder(names.results(n)).append(" = ").append(n.primitive());
            boolean isOut = false;
            for (int id : n.ids()) {
                label.append(annotate(names.of(id), id, values, adjoints));
                isOut |= outs.contains(id);
            }
            sb.append("  v").append(n.id()).append(" [shape=box, style=\"rounded,filled\", fillcolor=\"")
                    .append(isOut ? "#fde2c4\", peripheries=2" : "#f4f4f4\"")
                    .append(", label=\"").append(esc(label.toString())).append("\"];\n");
        }
        for (Node n : g.nodes()) {
            Map<Integer, Double> local = partials != null ? partials.of(n.id()) : Map.of();
            List<Integer> ps = n.parents();
            for (int i = 0; i < ps.size(); i++) {
                int p = ps.get(i);
                if (ps.subList(0, i).contains(p)) continue; // one edge per distinct parent
                Var from = names.var(p);
                sb.append("  v").append(from instanceof Result r ? r.node().id() : p).append(" -> v").append(n.id());
                if (from instanceof Result r) sb.append(" [taillabel=\"").append(r.index() + 1).append("\"]");
                Double d = local.get(p);
                if (d != null) {
                    sb.append(" [label=\"").append(esc("∂" + names.of(n.id()) + "/∂" + names.of(p) + " = "
                            + Numbers.brief(d))).append("\"]");
                } else if (ps.size() > 1 && !n.primitive().commutative()) {
                    sb.append(" [label=\"").append(i + 1).append("\"]"); // operand order matters (sub, div, pow)
                }
                sb.append(";\n");
            }
        }
        return sb.append("}\n").toString();
    }

    private static String annotate(String name, int id, NDArray[] values, double[] adjoints) {
        String s = "";
        if (values != null && values[id] != null) s += "\n= " + Names.value(values[id]);
        if (adjoints != null && id < adjoints.length && !Double.isNaN(adjoints[id])) {
            s += "\n∂f/∂" + name + " = " + Numbers.brief(adjoints[id]);
        }
        return s;
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
