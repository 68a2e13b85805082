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

/** {@code cotangent grad}: the value and the gradient, by reverse mode. */
@Command(name = "grad", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Prints f and its gradient at a point (reverse mode).",
        description = {"Prints f and its gradient at a point, computed by reverse mode (one forward and one "
            + "backward pass). A variable of --at that EXPR does not use has derivative 0."},
        footerHeading = "%nExamples:%n",
        footer = {"  cotangent grad \"y*log(x) + sqrt(y*log(x))\" --at x=2,y=3",
            "  cotangent grad \"atan2(y, x)\" --at x=1,y=1 --json",
            "      {\"value\":0.7853981633974483,\"gradient\":{\"x\":-0.5,\"y\":0.5}}"})
final class GradCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ExpressionOptions options;

    @Option(names = "--json", description = "Print {\"value\": v, \"gradient\": {\"x\": gx, ...}} (NaN and "
            + "infinities as null).")
    boolean json;

    @Override
    public Integer call() {
        Problem p = Problem.of(options.expression, options.at, System.in);
        p.single("grad");
        double[] vg = Derivatives.valueAndGradient(p.expressions.get(0), p.point);
        double[] g = Arrays.copyOfRange(vg, 1, vg.length);
        List<String> names = p.point.names();
        if (json) {
            spec.commandLine().getOut().println(Json.gradient(vg[0], names, g, null));
        } else {
            spec.commandLine().getOut().print(header(p) + summary(vg[0], names, g));
        }
        Output.warnNonFinite(spec, g, names, json);
        return 0;
    }

    static String header(Problem p) {
        return "f(" + String.join(", ", p.point.names()) + ") = " + Output.echo(p.expressions.get(0).text()) + "\n"
                + "    at " + (p.point.names().isEmpty() ? "(no variables)" : p.point.describe()) + "\n\n";
    }

    static String summary(double value, List<String> names, double[] g) {
        List<String> labels = new ArrayList<>(List.of("f"));
        List<String> values = new ArrayList<>(List.of(Numbers.full(value)));
        for (int i = 0; i < names.size(); i++) {
            labels.add("∂f/∂" + names.get(i));
            values.add(Numbers.full(g[i]));
        }
        return Output.aligned(labels, values, "    ");
    }
}
