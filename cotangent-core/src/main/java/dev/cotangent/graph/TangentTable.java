package dev.cotangent.graph;

import dev.cotangent.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Forward mode as a table: for one chosen input x_i, the tangents ∂x_k/∂x_i of every variable in topological
 * order, ∂x_k/∂x_i = Σ_{l ∈ parents(k)} [∂x_k/∂x_l]·∂x_l/∂x_i, seeded with ∂x_i/∂x_i = 1 and 0 for the other
 * inputs. One sweep gives one column of the Jacobian (the derivatives of every output with respect to x_i).
 */
public final class TangentTable {
    private final Graph graph;
    private final Names names;
    private final int input;
    private final List<ChainRow> rows;

    private TangentTable(Graph graph, int input, List<ChainRow> rows) {
        this.graph = graph;
        this.names = new Names(graph);
        this.input = input;
        this.rows = rows;
    }

    /** The table of {@code g} (a scalar program) at the point {@code values}, for input number {@code inputIndex}. */
    public static TangentTable of(Graph g, NDArray[] values, int inputIndex) {
        return of(g, LocalPartials.of(g, values), inputIndex);
    }

    /** As {@link #of(Graph, NDArray[], int)}, with local partials already computed at the point. */
    public static TangentTable of(Graph g, LocalPartials lp, int inputIndex) {
        int x = g.inputs().get(inputIndex).id();
        double[] tangent = new double[g.maxId() + 1];
        List<ChainRow> rows = new ArrayList<>();
        for (Input v : g.inputs()) {
            tangent[v.id()] = v.id() == x ? 1.0 : 0.0;
            rows.add(new ChainRow(v.id(), List.of(), tangent[v.id()]));
        }
        for (Node n : g.nodes()) {
            for (int id : n.ids()) {
                List<ChainRow.Term> terms = new ArrayList<>();
                double sum = 0;
                for (Map.Entry<Integer, Double> e : lp.of(id).entrySet()) {
                    double carried = tangent[e.getKey()];
                    terms.add(new ChainRow.Term(e.getKey(), e.getValue(), carried));
                    sum += e.getValue() * carried;
                }
                tangent[id] = sum;
                rows.add(new ChainRow(id, terms, sum));
            }
        }
        return new TangentTable(g, inputIndex, rows);
    }

    /** The rows, inputs first, then nodes in topological order. */
    public List<ChainRow> rows() {
        return rows;
    }

    /** ∂x_k/∂x_i for variable {@code id}. */
    public double tangent(int id) {
        for (ChainRow r : rows) if (r.id() == id) return r.value();
        throw new IllegalArgumentException("tangent table: no variable " + id);
    }

    /** The table as text: a formula line and a numbers line per node, as on the lecture's slides. */
    public String render() {
        Input in = graph.inputs().get(input);
        String wrt = names.label(in.id());
        StringBuilder sb = new StringBuilder();
        for (ChainRow r : rows) {
            String lhs = "∂" + names.of(r.id()) + "/∂" + wrt;
            sb.append("    ").append(lhs).append(" = ");
            if (names.var(r.id()) instanceof Input) {
                sb.append(Numbers.brief(r.value())).append(r.id() == in.id() ? "    (seed: " + names.of(r.id())
                        + " is " + wrt + ")" : "    (" + names.label(r.id()) + " does not depend on " + wrt + ")");
                sb.append('\n');
                continue;
            }
            if (r.terms().isEmpty()) {
                sb.append("0    (only constant operands)\n");
                continue;
            }
            List<String> formula = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            for (ChainRow.Term t : r.terms()) {
                String l = names.of(t.other());
                formula.add("[∂" + names.of(r.id()) + "/∂" + l + "]·∂" + l + "/∂" + wrt);
                numbers.add(Wrap.factor(t.local()) + " × " + Wrap.factor(t.carried()));
            }
            int indent = 4 + lhs.length() + 1;
            sb.setLength(sb.length() - 3); // re-append "= " through the wrapper, so the first line is measured
            Wrap.sum(sb, " = ", formula, indent, "\n");
            Wrap.sum(sb, " ".repeat(4 + lhs.length()) + " = ", numbers, indent,
                    " = " + Numbers.brief(r.value()) + "\n");
        }
        return sb.toString();
    }
}
