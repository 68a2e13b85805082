package dev.cotangent.graph;

import dev.cotangent.tensor.NDArray;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The program listing of a graph, one line per variable in topological order, as the lecture writes an
 * evaluation trace: {@code x3 = log(x1)}, optionally with each value and the outputs marked.
 */
public final class Listing {
    private static final int MAX_ALIGN = 40;

    private Listing() {}

    /** The listing without values; outputs are marked {@code → out1, out2, ...}. */
    public static String render(Graph g) {
        return render(g, null, null);
    }

    /**
     * The listing with values ({@code values} indexed by id, may be null) and the outputs marked with
     * {@code outputNames} (may be null: out1, out2...).
     */
    public static String render(Graph g, NDArray[] values, List<String> outputNames) {
        return render(g, values, outputNames, null);
    }

    /**
     * As {@link #render(Graph, NDArray[], List)}, with a note after each line ({@code notes} indexed by id, may be
     * null; a null entry adds nothing), e.g. the part of a formula the variable stands for.
     */
    public static String render(Graph g, NDArray[] values, List<String> outputNames, String[] notes) {
        Names names = new Names(g);
        Map<Integer, String> outs = new HashMap<>();
        for (int i = 0; i < g.outputs().size(); i++) {
            String n = outputNames != null ? outputNames.get(i) : "out" + (i + 1);
            outs.merge(g.outputs().get(i), n, (a, b) -> a + ", " + b);
        }
        String[] lhs = new String[g.inputs().size() + g.nodes().size()];
        int[] ids = new int[lhs.length];
        int k = 0;
        for (Input v : g.inputs()) {
            ids[k] = v.id();
            String shape = v.shape().rank() == 0 ? "" : "    " + v.shape();
            lhs[k++] = names.of(v.id()) + " = " + (v.name() != null ? v.name() : "input") + shape;
        }
        for (Node n : g.nodes()) {
            ids[k] = n.id();
            boolean scalars = n.shapes().stream().allMatch(s -> s.rank() == 0);
            String shape = scalars ? "" : "    : " + (n.results() == 1 ? n.shape().toString() : n.shapes().toString());
            lhs[k++] = names.results(n) + " = " + names.call(n) + shape;
        }
        int width = 0;
        for (String s : lhs) if (s.length() <= MAX_ALIGN) width = Math.max(width, s.length());
        StringBuilder sb = new StringBuilder();
        for (Constant c : g.constants()) {
            if (c.value().size() != 1) sb.append("    ").append(names.of(c.id())).append(" = constant ")
                    .append(Names.value(c.value())).append('\n');
        }
        String[] shown = new String[lhs.length];
        int valueWidth = 0;
        for (int i = 0; i < lhs.length; i++) {
            shown[i] = values == null ? "" : shownValue(g, names, ids[i], values);
            if (shown[i].length() <= 14) valueWidth = Math.max(valueWidth, shown[i].length());
        }
        for (int i = 0; i < lhs.length; i++) {
            sb.append("    ").append(lhs[i]);
            String out = outsOf(g, names, ids[i], outs);
            String note = notes != null && notes[ids[i]] != null ? notes[ids[i]] : null;
            boolean more = values != null || out != null || note != null;
            if (more) sb.append(" ".repeat(Math.max(0, width - lhs[i].length())));
            if (values != null) {
                sb.append("   = ").append(shown[i]);
                if (note != null || out != null) sb.append(" ".repeat(Math.max(0, valueWidth - shown[i].length())));
            }
            if (note != null) sb.append("    ").append(note);
            if (out != null) sb.append(note != null ? "   → " : "    → ").append(out);
            sb.append('\n');
            if (names.var(ids[i]) instanceof Node n && n.primitive() instanceof Composite c) body(sb, g, n, c);
        }
        for (int i = 0; i < g.outputs().size(); i++) {
            int o = g.outputs().get(i);
            if (names.isConstant(o)) {
                sb.append("    ").append(outputNames != null ? outputNames.get(i) : "out" + (i + 1)).append(" = ")
                        .append(names.of(o)).append("    (a constant)\n");
            }
        }
        return sb.toString();
    }

    /**
     * The program inside a node made from a user's function (checkpoint, customVjp, customJvp), indented under it,
     * with its inputs standing for the node's operands.
     */
    private static void body(StringBuilder sb, Graph g, Node n, Composite c) {
        Var[] vars = g.byId();
        dev.cotangent.tensor.Shape[] in = new dev.cotangent.tensor.Shape[n.parents().size()];
        for (int i = 0; i < in.length; i++) in[i] = vars[n.parents().get(i)].shape();
        String text;
        try {
            text = render(c.graph(in));
        } catch (dev.cotangent.trace.ValueDependenceException readsValues) {
            text = "    (its function reads values, so it has no graph)\n";
        }
        for (String line : text.split("\n")) sb.append("        | ").append(line.strip()).append('\n');
    }

    /** The value of variable {@code id}, or of every result of the node whose first result it is. */
    private static String shownValue(Graph g, Names names, int id, NDArray[] values) {
        if (!(names.var(id) instanceof Node n) || n.results() == 1) return Names.value(values[id]);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n.results(); k++) sb.append(k > 0 ? "; " : "").append(Names.value(values[n.ids().get(k)]));
        return sb.toString();
    }

    /** The outputs that are variable {@code id}, or any result of the node whose first result it is. */
    private static String outsOf(Graph g, Names names, int id, Map<Integer, String> outs) {
        if (!(names.var(id) instanceof Node n) || n.results() == 1) return outs.get(id);
        StringBuilder sb = new StringBuilder();
        for (int rid : n.ids()) {
            String o = outs.get(rid);
            if (o != null) sb.append(sb.length() > 0 ? ", " : "").append(names.of(rid)).append(": ").append(o);
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
