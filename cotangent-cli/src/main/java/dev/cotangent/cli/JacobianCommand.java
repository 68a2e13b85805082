package dev.cotangent.cli;

import dev.cotangent.graph.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cotangent jacobian}: the values and the Jacobian of several expressions. */
@Command(name = "jacobian", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Prints several expressions separated by ';' and their Jacobian.",
        description = {"Prints the values of several expressions separated by ';' and their Jacobian ∂f_i/∂x_j: "
            + "one row per expression, one column per variable of --at. The mode is chosen from the sizes, as in "
            + "the lecture: reverse when there are no more expressions than variables."},
        footerHeading = "%nExamples:%n",
        footer = {"  cotangent jacobian \"x*y; sin(x) + y^2\" --at x=0,y=3",
            "  cotangent jacobian \"x*y; x+y\" --at x=2,y=3 --json",
            "      {\"values\":[6.0,5.0],\"variables\":[\"x\",\"y\"],\"jacobian\":[[3.0,2.0],[1.0,1.0]]}",
            "  cotangent jacobian --plan \"10 -> 1000 -> 1 -> 1000 -> 10\""})
final class JacobianCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ExpressionOptions options;

    @Option(names = "--json", description = "Print {\"values\", \"variables\", \"jacobian\"} (NaN and infinities "
            + "as null).")
    boolean json;

    @Option(names = "--plan", description = "Read EXPR as the sizes of a chain of stages, \"n1 -> n2 -> ... -> nN\", "
            + "and print the cheapest order to multiply its Jacobians against forward and reverse mode (no --at).")
    boolean plan;

    @Override
    public Integer call() {
        if (plan) {
            dev.cotangent.sparse.ChainPlan p = dev.cotangent.sparse.ChainPlan.of(PlanOutput.sizes(options.expression));
            spec.commandLine().getOut().print(json ? PlanOutput.json(p) + "\n" : PlanOutput.text(p));
            return 0;
        }
        Problem p = Problem.of(options.expression, options.at, System.in);
        double[] values = Derivatives.values(p.expressions, p.point);
        double[][] jac = Derivatives.jacobian(p.expressions, p.point);
        List<String> names = p.point.names();
        if (json) {
            spec.commandLine().getOut().println(Json.jacobian(values, names, jac));
        } else {
            StringBuilder sb = new StringBuilder();
            List<String> rows = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < p.expressions.size(); i++) {
                rows.add("f" + (i + 1));
                sb.append("f").append(i + 1).append("(").append(String.join(", ", names)).append(") = ")
                        .append(Output.echo(p.expressions.get(i).text())).append('\n');
                shown.add(Numbers.full(values[i]));
            }
            sb.append("    at ").append(names.isEmpty() ? "(no variables)" : p.point.describe()).append("\n\n");
            sb.append(Output.aligned(rows, shown, "    "));
            if (!names.isEmpty()) {
                sb.append("\nJacobian ∂f_i/∂column\n").append(Output.matrix(rows, names, jac, "    "));
            }
            spec.commandLine().getOut().print(sb);
        }
        for (double[] row : jac) {
            if (Arrays.stream(row).anyMatch(v -> !Double.isFinite(v))) {
                spec.commandLine().getErr().println("cotangent: note: the Jacobian has entries that are not finite"
                        + (json ? " (null in JSON)" : ""));
                break;
            }
        }
        return 0;
    }
}
