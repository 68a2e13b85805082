package dev.cotangent.cli;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.cli.expr.Expression;
import dev.cotangent.graph.AdjointTable;
import dev.cotangent.graph.Dot;
import dev.cotangent.graph.Evaluator;
import dev.cotangent.graph.Graph;
import dev.cotangent.graph.Listing;
import dev.cotangent.graph.LocalPartials;
import dev.cotangent.graph.Numbers;
import dev.cotangent.graph.TangentTable;
import dev.cotangent.graph.pass.Pipeline;
import dev.cotangent.tensor.NDArray;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code explain} report: the expression staged to a graph and printed as the lecture's program listing,
 * its forward (tangent) and reverse (adjoint) tables with every local partial and value, the gradient, a
 * finite-difference check, and the operation counts of f and of its staged gradient.
 */
final class Explanation {
    /** Which tables to show. */
    enum Mode { forward, reverse, both }

    private static final double FD_STEP = Math.cbrt(Math.ulp(1.0)); // the optimal step of central differences

    final Expression expr;
    final Point point;
    final Graph written;
    final Graph graph;
    final Graph gradientGraph;
    final NDArray[] values;
    final LocalPartials partials;
    final double value;
    final double[] gradient;

    Explanation(Expression expr, Point point) {
        this.expr = expr;
        this.point = point;
        List<String> names = point.names();
        Tensor[] example = new Tensor[names.size()];
        for (int i = 0; i < example.length; i++) example[i] = Tensor.scalar(point.values()[i]);
        written = AD.stage(in -> new Tensor[] {expr.evaluate(env(names, in))}, example).withInputNames(names);
        graph = Pipeline.standard().apply(written);
        gradientGraph = Pipeline.standard().apply(AD.stage(in -> {
            Map<String, Tensor> params = env(names, in);
            return AD.valueAndGrad(expr::evaluate, params).grads().values().toArray(new Tensor[0]);
        }, example)).withInputNames(names);
        NDArray[] x = new NDArray[names.size()];
        for (int i = 0; i < x.length; i++) x[i] = NDArray.scalar(point.values()[i]);
        values = Evaluator.values(graph, x);
        partials = LocalPartials.of(graph, values);
        double[] vg = Derivatives.valueAndGradient(expr, point);
        value = vg[0];
        gradient = java.util.Arrays.copyOfRange(vg, 1, vg.length);
    }

    private static Map<String, Tensor> env(List<String> names, Tensor[] in) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < in.length; i++) m.put(names.get(i), in[i]);
        return m;
    }

    /** The whole report. {@code wrt} is the input of the forward table (its index in the point). */
    String render(Mode mode, int wrt) {
        StringBuilder sb = new StringBuilder();
        String args = String.join(", ", point.names());
        sb.append("f(").append(args).append(") = ").append(Output.echo(expr.text())).append("\n");
        sb.append("    at ").append(point.names().isEmpty() ? "(no variables)" : point.describe()).append("\n\n");

        sb.append("The program: f as a graph of primitive operations x_k = f_k(parents of k), in topological\n")
                .append("order (inputs first; a repeated subexpression is computed once)\n");
        sb.append(Listing.render(graph, values, List.of("f"), Infix.of(graph))).append('\n');

        if (mode != Mode.reverse && !point.names().isEmpty()) {
            String x = point.names().get(wrt);
            sb.append("Forward mode (tangent table): one upward sweep per input, here for ").append(x).append('\n');
            sb.append("    ∂x_k/∂").append(x).append(" = Σ over parents l of k:  [∂x_k/∂x_l] · ∂x_l/∂").append(x)
                    .append("        [ ] = local partial\n\n");
            sb.append(TangentTable.of(graph, partials, wrt).render());
            if (point.names().size() > 1) {
                sb.append("  One sweep gives the derivatives with respect to ").append(x).append(" only: forward mode\n")
                        .append("  needs one sweep per input (show another with --wrt ")
                        .append(point.names().get(wrt == 0 ? 1 : 0)).append(").\n");
            }
            sb.append('\n');
        }
        if (mode != Mode.forward) {
            AdjointTable adjoints = AdjointTable.of(graph, partials, 0, "f");
            sb.append("Reverse mode (adjoint table): one downward sweep from f gives every ∂f/∂input\n");
            sb.append("    ∂f/∂x_k = Σ over children m of k:  ∂f/∂x_m · [∂x_m/∂x_k]\n\n");
            sb.append(adjoints.render()).append('\n');
        }

        sb.append("Gradient (reverse mode, full precision)\n");
        int w = 0;
        for (String n : point.names()) w = Math.max(w, n.length());
        sb.append("    f").append(" ".repeat(w + 3)).append(" = ").append(Numbers.full(value)).append('\n');
        for (int i = 0; i < gradient.length; i++) {
            String n = point.names().get(i);
            sb.append("    ∂f/∂").append(n).append(" ".repeat(w - n.length())).append(" = ")
                    .append(Numbers.full(gradient[i])).append('\n');
        }
        sb.append('\n');
        finiteDifferences(sb, w);
        operationCounts(sb);
        return sb.toString();
    }

    private void finiteDifferences(StringBuilder sb, int w) {
        if (point.names().isEmpty()) return;
        sb.append("Finite-difference check: (f(x + h·e_i) − f(x − h·e_i)) / 2h, h = ")
                .append(Numbers.brief(FD_STEP)).append("·max(1, |x_i|)\n");
        double worst = 0;
        for (int i = 0; i < gradient.length; i++) {
            double fd = finiteDifference(i);
            double err = Math.abs(fd - gradient[i]);
            double rel = err / Math.max(1, Math.abs(gradient[i]));
            if (!(rel <= worst)) worst = rel;
            String n = point.names().get(i);
            sb.append("    ∂f/∂").append(n).append(" ".repeat(w - n.length())).append(" ≈ ")
                    .append(pad(Numbers.full(fd), 22)).append("  error ").append(String.format(java.util.Locale.ROOT, "%.1e", err))
                    .append('\n');
        }
        sb.append(worst <= 1e-6
                ? "    agrees (largest error relative to max(1, |∂f/∂x_i|): " + String.format(java.util.Locale.ROOT, "%.1e", worst) + ")\n\n"
                : "    DIFFERS (relative error " + String.format(java.util.Locale.ROOT, "%.1e", worst) + "): finite differences fail near "
                        + "kinks and singularities (abs, relu, max at a tie) and for very curved functions\n\n");
    }

    /** The central difference of f along input {@code i}, with the step shown in the report. */
    double finiteDifference(int i) {
        double h = FD_STEP * Math.max(1, Math.abs(point.values()[i]));
        return (shifted(i, h) - shifted(i, -h)) / (2 * h);
    }

    private double shifted(int i, double h) {
        Map<String, Tensor> env = new HashMap<>();
        for (int k = 0; k < point.names().size(); k++) {
            env.put(point.names().get(k), Tensor.scalar(point.values()[k] + (k == i ? h : 0)));
        }
        return expr.evaluate(env).item();
    }

    private void operationCounts(StringBuilder sb) {
        int f = graph.opCount();
        int g = gradientGraph.opCount();
        sb.append("Operation counts (cheap gradient principle: ∇f costs a small constant times f)\n");
        sb.append("    f as written (operators and function calls)  ").append(expr.operationCount()).append('\n');
        sb.append("    f staged, as listed above                    ").append(f).append('\n');
        sb.append("    ∇f staged: stage(grad(f)), same clean-up     ").append(pad(Integer.toString(g), 8))
                .append(f == 0 ? "" : String.format(java.util.Locale.ROOT, "= %.2f × f", (double) g / f)).append('\n');
        sb.append("    (staging computes constant subexpressions at once; the clean-up passes are constant\n")
                .append("    folding, common-subexpression and dead-code elimination)\n");
    }

    /** The DOT source of the program, with values, adjoints and local partials on the edges. */
    String dot() {
        AdjointTable t = AdjointTable.of(graph, partials, 0, "f");
        double[] adj = new double[graph.maxId() + 1];
        java.util.Arrays.fill(adj, Double.NaN);
        for (var r : t.rows()) adj[r.id()] = r.value();
        return Dot.render(graph, values, adj, partials);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
