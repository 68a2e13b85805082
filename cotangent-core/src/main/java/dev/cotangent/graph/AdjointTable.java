package dev.cotangent.graph;

import dev.cotangent.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * Reverse mode as a table: for one output f = x_N, the adjoints ∂f/∂x_k of every variable in reverse
 * topological order, ∂f/∂x_k = Σ_{m ∈ children(k)} ∂f/∂x_m·[∂x_m/∂x_k], seeded with ∂f/∂f = 1. One sweep gives
 * the whole gradient (one row of the Jacobian). Variables f does not depend on are left out.
 */
public final class AdjointTable {
    private final Names names;
    private final int output;
    private final String outputName;
    private final List<ChainRow> rows;

    private AdjointTable(Graph graph, int output, String outputName, List<ChainRow> rows) {
        this.names = new Names(graph);
        this.output = output;
        this.outputName = outputName;
        this.rows = rows;
    }

    /**
     * The table of {@code g} (a scalar program) at the point {@code values}, for output number
     * {@code outputIndex}, written {@code outputName} (e.g. "f") in the formulas.
     */
    public static AdjointTable of(Graph g, NDArray[] values, int outputIndex, String outputName) {
        return of(g, LocalPartials.of(g, values), outputIndex, outputName);
    }

    /** As {@link #of(Graph, NDArray[], int, String)}, with local partials already computed at the point. */
    public static AdjointTable of(Graph g, LocalPartials lp, int outputIndex, String outputName) {
        List<List<Integer>> children = LocalPartials.children(g);
        int f = g.outputs().get(outputIndex);
        Var[] vars = g.byId();
        double[] adjoint = new double[vars.length];
        boolean[] reached = new boolean[vars.length];
        adjoint[f] = 1.0;
        reached[f] = true;
        List<ChainRow> rows = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (Input v : g.inputs()) order.add(v.id());
        for (Node n : g.nodes()) order.addAll(n.ids());
        for (int i = order.size() - 1; i >= 0; i--) {
            int k = order.get(i);
            if (k == f) {
                rows.add(new ChainRow(k, List.of(), 1.0));
                continue;
            }
            List<ChainRow.Term> terms = new ArrayList<>();
            double sum = 0;
            if (children.get(k) != null) {
                for (int m : children.get(k)) {
                    if (!reached[m]) continue;
                    double local = lp.of(m).get(k);
                    terms.add(new ChainRow.Term(m, local, adjoint[m]));
                    sum += adjoint[m] * local;
                }
            }
            if (terms.isEmpty()) {
                if (vars[k] instanceof Input) rows.add(new ChainRow(k, List.of(), 0.0));
                continue;
            }
            reached[k] = true;
            adjoint[k] = sum;
            rows.add(new ChainRow(k, terms, sum));
        }
        return new AdjointTable(g, f, outputName, rows);
    }

    /** The rows, from the output down to the inputs. */
    public List<ChainRow> rows() {
        return rows;
    }

    /** ∂f/∂x_k for variable {@code id} (0 if f does not depend on it). */
    public double adjoint(int id) {
        for (ChainRow r : rows) if (r.id() == id) return r.value();
        return 0.0;
    }

    /** The table as text: a formula line and a numbers line per variable, from the output down. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (ChainRow r : rows) {
            String lhs = "∂" + outputName + "/∂" + names.of(r.id());
            sb.append("    ").append(lhs).append(" = ");
            String note = names.var(r.id()) instanceof Input in && in.name() != null
                    ? "    = ∂" + outputName + "/∂" + in.name() : "";
            if (r.id() == output) {
                sb.append("1    (seed: " + outputName + " is " + names.of(r.id()) + ")").append('\n');
                continue;
            }
            if (r.terms().isEmpty()) {
                sb.append("0    (" + outputName + " does not depend on " + names.label(r.id()) + ")\n");
                continue;
            }
            List<String> formula = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            for (ChainRow.Term t : r.terms()) {
                String m = names.of(t.other());
                formula.add("∂" + outputName + "/∂" + m + "·[∂" + m + "/∂" + names.of(r.id()) + "]");
                numbers.add(Wrap.factor(t.carried()) + " × " + Wrap.factor(t.local()));
            }
            int indent = 4 + lhs.length() + 1;
            sb.setLength(sb.length() - 3);
            Wrap.sum(sb, " = ", formula, indent, "\n");
            Wrap.sum(sb, " ".repeat(4 + lhs.length()) + " = ", numbers, indent,
                    " = " + Numbers.brief(r.value()) + note + "\n");
        }
        return sb.toString();
    }
}
