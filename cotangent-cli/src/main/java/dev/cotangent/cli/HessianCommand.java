package dev.cotangent.cli;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cotangent hessian}: value, gradient and Hessian, forward-over-reverse. */
@Command(name = "hessian", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Prints f, its gradient and its Hessian at a point (forward-over-reverse).",
        description = {"Prints f, its gradient and its Hessian (the matrix of second derivatives ∂²f/∂x_i∂x_j) "
            + "at a point; the Hessian is computed forward-over-reverse (jacfwd of grad). Rows and columns follow "
            + "the order of --at."},
        footerHeading = "%nExamples:%n",
        footer = {"  cotangent hessian \"x^2*y + exp(y)\" --at x=1,y=0",
            "  cotangent hessian \"x*y\" --at x=1,y=2 --json",
            "      {\"value\":2.0,\"gradient\":{\"x\":2.0,\"y\":1.0},\"variables\":[\"x\",\"y\"],"
                    + "\"hessian\":[[0.0,1.0],[1.0,0.0]]}"})
final class HessianCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ExpressionOptions options;

    @Option(names = "--json", description = "Print {\"value\", \"gradient\", \"variables\", \"hessian\"} (NaN and "
            + "infinities as null).")
    boolean json;

    @Override
    public Integer call() {
        Problem p = Problem.of(options.expression, options.at, System.in);
        p.single("hessian");
        double[] vg = Derivatives.valueAndGradient(p.expressions.get(0), p.point);
        double[] g = Arrays.copyOfRange(vg, 1, vg.length);
        double[][] h = Derivatives.hessian(p.expressions.get(0), p.point);
        List<String> names = p.point.names();
        if (json) {
            spec.commandLine().getOut().println(Json.gradient(vg[0], names, g, h));
        } else {
            String text = GradCommand.header(p) + GradCommand.summary(vg[0], names, g);
            if (!names.isEmpty()) {
                text += "\nHessian ∂²f/∂row∂column\n" + Output.matrix(names, names, h, "    ");
            }
            spec.commandLine().getOut().print(text);
        }
        Output.warnNonFinite(spec, g, names, json);
        for (double[] row : h) {
            if (Arrays.stream(row).anyMatch(v -> !Double.isFinite(v))) {
                spec.commandLine().getErr().println("cotangent: note: the Hessian has entries that are not finite"
                        + (json ? " (null in JSON)" : ""));
                break;
            }
        }
        return 0;
    }
}
