package dev.cotangent.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cotangent.cli.expr.Expression;
import dev.cotangent.graph.AdjointTable;
import dev.cotangent.graph.ChainRow;
import dev.cotangent.graph.Graph;
import dev.cotangent.graph.Input;
import dev.cotangent.graph.Names;
import dev.cotangent.graph.Node;
import dev.cotangent.graph.Numbers;
import dev.cotangent.graph.TangentTable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code explain --json} and the server's {@code /api/explain}: one JSON object with the same data as the text
 * report. {@code "value"} and {@code "gradient"} are exactly those of {@code grad --json}; then the formula and
 * point, {@code "nodes"} (the listing: id k of x_k, name, op, parents, value), {@code "tangents"} (one forward
 * table per input) and {@code "adjoints"} (the reverse table), each row with its chain-rule terms and the
 * formula and numbers lines the text tables print, the finite-difference check and the operation counts.
 */
final class ExplainJson {
    private ExplainJson() {}

    /**
     * Parses, checks and explains {@code formula} at {@code at} ("x=2,y=3"): the server's path. One expression
     * gives the scalar explanation; several separated by ';' give {@link #jacobian the Jacobian and the mode}.
     */
    static String of(String formula, List<String> at, InputStream stdin) {
        Problem p = Problem.of(formula, at, stdin);
        if (p.expressions.size() > 1) return jacobian(p);
        Expression e = p.single("explain");
        return render(new Explanation(e, p.point));
    }

    /**
     * Several expressions, f: R^n -> R^m: {@code "values"}, {@code "variables"} and {@code "jacobian"} exactly as
     * {@code jacobian --json} prints them (the same computation), then {@code "mode"}, the lecture's choice
     * ("reverse" when m <= n, else "forward", as AD.jacobian picks it), and {@code "cost"}: m, n and the passes
     * of each mode, forward one JVP per input (n), reverse one VJP per output (m).
     */
    static String jacobian(Problem p) {
        double[] values = Derivatives.values(p.expressions, p.point);
        double[][] jac = Derivatives.jacobian(p.expressions, p.point);
        List<String> names = p.point.names();
        String base = Json.jacobian(values, names, jac);
        int m = p.expressions.size();
        int n = names.size();
        String mode = m <= n ? "reverse" : "forward";
        String extra = Json.write(j -> {
            j.writeStartObject();
            j.writeStringField("mode", mode);
            j.writeObjectFieldStart("cost");
            j.writeNumberField("outputs", m);
            j.writeNumberField("inputs", n);
            j.writeObjectFieldStart("forward");
            j.writeNumberField("jvps", n);
            j.writeNumberField("passes", n);
            j.writeEndObject();
            j.writeObjectFieldStart("reverse");
            j.writeNumberField("vjps", m);
            j.writeNumberField("passes", m);
            j.writeEndObject();
            j.writeStringField("rule", "reverse when there are no more outputs than inputs (m <= n): "
                    + "forward needs n = " + n + " JVP" + (n == 1 ? "" : "s") + ", reverse m = " + m + " VJP"
                    + (m == 1 ? "" : "s"));
            j.writeEndObject();
            j.writeEndObject();
        });
        // the object of jacobian --json, byte for byte, with the two fields appended
        return base.substring(0, base.length() - 1) + "," + extra.substring(1);
    }

    static String render(Explanation x) {
        Graph g = x.graph;
        Names names = new Names(g);
        List<String> vars = x.point.names();
        return Json.write(j -> {
            j.writeStartObject();
            j.writeFieldName("value");
            Json.number(j, x.value);
            j.writeObjectFieldStart("gradient");
            for (int i = 0; i < vars.size(); i++) {
                j.writeFieldName(vars.get(i));
                Json.number(j, x.gradient[i]);
            }
            j.writeEndObject();
            j.writeStringField("formula", x.expr.text());
            j.writeObjectFieldStart("at");
            for (int i = 0; i < vars.size(); i++) {
                j.writeFieldName(vars.get(i));
                Json.number(j, x.point.values()[i]);
            }
            j.writeEndObject();
            nodes(j, x, names);
            int out = g.outputs().get(0);
            if (names.isConstant(out)) j.writeNullField("output");
            else j.writeNumberField("output", names.position(out));
            j.writeObjectFieldStart("tangents");
            for (int i = 0; i < g.inputs().size(); i++) {
                j.writeArrayFieldStart(vars.get(i));
                String wrt = vars.get(i);
                for (ChainRow r : TangentTable.of(g, x.partials, i).rows()) tangentRow(j, names, r, wrt, g.inputs().get(i));
                j.writeEndArray();
            }
            j.writeEndObject();
            j.writeArrayFieldStart("adjoints");
            for (ChainRow r : AdjointTable.of(g, x.partials, 0, "f").rows()) adjointRow(j, names, r, out);
            j.writeEndArray();
            j.writeObjectFieldStart("finiteDifferences");
            for (int i = 0; i < vars.size(); i++) {
                j.writeFieldName(vars.get(i));
                Json.number(j, x.finiteDifference(i));
            }
            j.writeEndObject();
            j.writeObjectFieldStart("counts");
            j.writeNumberField("written", x.expr.operationCount());
            j.writeNumberField("staged", g.opCount());
            j.writeNumberField("gradient", x.gradientGraph.opCount());
            j.writeEndObject();
            j.writeEndObject();
        });
    }

    private static void nodes(JsonGenerator j, Explanation x, Names names) throws IOException {
        Graph g = x.graph;
        String[] infix = Infix.of(g);
        j.writeArrayFieldStart("nodes");
        for (Input in : g.inputs()) {
            j.writeStartObject();
            j.writeNumberField("id", names.position(in.id()));
            j.writeStringField("name", names.of(in.id()));
            j.writeStringField("op", "input");
            j.writeStringField("input", names.label(in.id()));
            j.writeArrayFieldStart("parents");
            j.writeEndArray();
            j.writeArrayFieldStart("args");
            j.writeEndArray();
            j.writeFieldName("value");
            Json.number(j, x.values[in.id()].unsafeData()[0]);
            j.writeStringField("text", names.label(in.id()));
            j.writeEndObject();
        }
        for (Node n : g.nodes()) {
            j.writeStartObject();
            j.writeNumberField("id", names.position(n.id()));
            j.writeStringField("name", names.of(n.id()));
            j.writeStringField("op", n.primitive().toString());
            j.writeArrayFieldStart("parents");
            List<Integer> seen = new ArrayList<>();
            for (int p : n.parents()) {
                if (!names.isConstant(p) && !seen.contains(p)) {
                    seen.add(p);
                    j.writeNumber(names.position(p));
                }
            }
            j.writeEndArray();
            j.writeArrayFieldStart("args");
            for (int p : n.parents()) j.writeString(names.of(p));
            j.writeEndArray();
            j.writeFieldName("value");
            Json.number(j, x.values[n.id()].unsafeData()[0]);
            j.writeStringField("text", infix[n.id()]);
            j.writeEndObject();
        }
        j.writeEndArray();
    }

    /** A forward row: ∂x_k/∂x = Σ [∂x_k/∂x_l]·∂x_l/∂x, with the numbers as the tangent table prints them. */
    private static void tangentRow(JsonGenerator j, Names names, ChainRow r, String wrt, Input seed) throws IOException {
        String k = names.of(r.id());
        List<String> formula = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (ChainRow.Term t : r.terms()) {
            String l = names.of(t.other());
            formula.add("[∂" + k + "/∂" + l + "]·∂" + l + "/∂" + wrt);
            numbers.add(factor(t.local()) + " × " + factor(t.carried()));
        }
        String note = names.var(r.id()) instanceof Input
                ? (r.id() == seed.id() ? "seed: " + k + " is " + wrt : names.label(r.id()) + " does not depend on " + wrt)
                : r.terms().isEmpty() ? "only constant operands" : null;
        row(j, names, r, "∂" + k + "/∂" + wrt, formula, numbers, note);
    }

    /** A reverse row: ∂f/∂x_k = Σ ∂f/∂x_m·[∂x_m/∂x_k], with the numbers as the adjoint table prints them. */
    private static void adjointRow(JsonGenerator j, Names names, ChainRow r, int out) throws IOException {
        String k = names.of(r.id());
        List<String> formula = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (ChainRow.Term t : r.terms()) {
            String m = names.of(t.other());
            formula.add("∂f/∂" + m + "·[∂" + m + "/∂" + k + "]");
            numbers.add(factor(t.carried()) + " × " + factor(t.local()));
        }
        String note = r.id() == out ? "seed: f is " + k
                : r.terms().isEmpty() ? "f does not depend on " + names.label(r.id())
                : names.var(r.id()) instanceof Input in && in.name() != null ? "= ∂f/∂" + in.name() : null;
        row(j, names, r, "∂f/∂" + k, formula, numbers, note);
    }

    private static void row(JsonGenerator j, Names names, ChainRow r, String lhs, List<String> formula,
            List<String> numbers, String note) throws IOException {
        j.writeStartObject();
        j.writeNumberField("id", names.position(r.id()));
        j.writeFieldName("value");
        Json.number(j, r.value());
        j.writeArrayFieldStart("terms");
        for (ChainRow.Term t : r.terms()) {
            j.writeStartObject();
            j.writeNumberField("from", names.position(t.other()));
            j.writeFieldName("local");
            Json.number(j, t.local());
            j.writeFieldName("carried");
            Json.number(j, t.carried());
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeStringField("lhs", lhs);
        j.writeStringField("formula", formula.isEmpty() ? null : String.join(" + ", formula));
        j.writeStringField("numbers", numbers.isEmpty() ? null : String.join(" + ", numbers));
        j.writeStringField("brief", Numbers.brief(r.value()));
        if (note != null) j.writeStringField("note", note);
        j.writeEndObject();
    }

    /** A number in a product, as the text tables print it: negatives in parentheses. */
    private static String factor(double v) {
        String s = Numbers.brief(v);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }
}
