package dev.cotangent.cli;

import dev.cotangent.cli.expr.Expression;
import dev.cotangent.graph.Svg;
import dev.cotangent.graph.compile.GraphCompiler;
import dev.cotangent.graph.compile.Program;
import dev.cotangent.tensor.NDArray;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cotangent explain}: forward and reverse mode on a formula, step by step, as on the lecture's slides. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Explains a gradient step by step: the graph, the tangent and adjoint tables.",
        description = {"Shows how automatic differentiation computes the gradient of EXPR at a point: the program "
            + "as a graph of operations (x_k = f_k(parents)), the forward-mode tangent table for one input, the "
            + "reverse-mode adjoint table, the gradient, a finite-difference check, and the operation counts of f "
            + "and of its staged gradient."},
        footerHeading = "%nExample:%n",
        footer = {"  cotangent explain \"y*log(x) + sqrt(y*log(x))\" --at x=2,y=3",
            "  cotangent explain \"sin(x)*y\" --at x=1,y=2 --mode reverse --svg graph.svg",
            "  cotangent explain \"x*y\" --at x=2,y=3 --json",
            "  cotangent explain \"exp(x*y) + x\" --at x=1,y=2 --compiled"})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ExpressionOptions options;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "both",
            description = "Which tables to show: forward, reverse or both (default: ${DEFAULT-VALUE}).")
    Explanation.Mode mode;

    @Option(names = "--wrt", paramLabel = "VAR",
            description = "The input of the forward table (default: the first variable of --at).")
    String wrt;

    @Option(names = "--dot", paramLabel = "FILE", description = "Also write the graph in Graphviz's DOT language.")
    Path dot;

    @Option(names = "--svg", paramLabel = "FILE",
            description = "Also draw the graph as SVG (needs Graphviz's dot on the PATH: apt-get install graphviz).")
    Path svg;

    @Option(names = "--compiled", description = "Also show the gradient program as AD.jit compiles it: which "
            + "operations fused into which loop, the calls, the buffer plan and the bytes allocated per call.")
    boolean compiled;

    @Option(names = "--json", description = "Print one JSON object instead: value and gradient (as grad --json), the "
            + "nodes, the tangent table of every input and the adjoint table, row by row with their terms.")
    boolean json;

    /** Graphviz lays out a graph of this many operations in seconds; far larger ones take minutes. */
    static final int SVG_MAX_OPERATIONS = 2000;

    @Override
    public Integer call() throws IOException {
        // everything that can stop the command is checked before the tables are computed and printed
        if (dot != null) Output.requireWritableFile(dot, "--dot");
        if (svg != null) Output.requireWritableFile(svg, "--svg");
        Problem p = Problem.of(options.expression, options.at, System.in);
        Expression e = p.single("explain");
        int wrtIndex = 0;
        if (wrt != null) {
            wrtIndex = p.point.names().indexOf(wrt);
            if (wrtIndex < 0) {
                throw new CliException("--wrt " + wrt + ": not a variable of --at (" + String.join(", ", p.point.names())
                        + ")");
            }
        }
        Explanation x = new Explanation(e, p.point);
        if (svg != null && x.graph.opCount() > SVG_MAX_OPERATIONS) {
            throw new CliException("--svg: the graph has " + x.graph.opCount() + " operations, and Graphviz takes "
                    + "minutes to lay out more than " + SVG_MAX_OPERATIONS + "; write the DOT source with --dot FILE "
                    + "(fast), or explain a smaller expression");
        }
        if (svg != null && !Svg.dotAvailable()) {
            throw new CliException("--svg needs Graphviz's dot program, which is not on the PATH; install it "
                    + "(apt-get install graphviz), or write the DOT source with --dot FILE");
        }
        if (json) {
            spec.commandLine().getOut().println(ExplainJson.render(x));
        } else {
            spec.commandLine().getOut().print(x.render(mode, wrtIndex));
            if (compiled) spec.commandLine().getOut().print(compiledSection(x));
        }
        if (dot != null || svg != null) {
            String source = x.dot();
            if (dot != null) write(dot, source);
            if (svg != null) {
                String drawing;
                try {
                    drawing = Svg.render(source);
                } catch (IOException ex) {
                    throw new CliException("--svg " + svg + ": " + ex.getMessage() + "; --dot FILE writes the DOT "
                            + "source without drawing it");
                }
                write(svg, drawing);
            }
        }
        Output.warnNonFinite(spec, x.gradient, p.point.names(), json);
        return 0;
    }

    /** The staged gradient program compiled, and its gradient run compiled (which must equal the one above). */
    static String compiledSection(Explanation x) {
        Program p = GraphCompiler.compile(x.gradientGraph);
        NDArray[] in = new NDArray[x.point.values().length];
        for (int i = 0; i < in.length; i++) in[i] = NDArray.scalar(x.point.values()[i]);
        NDArray[] g = p.run(in);
        StringBuilder sb = new StringBuilder("\nCompiled (AD.jit): the gradient program above as fused loops and calls\n");
        sb.append(p.listing());
        sb.append("    ∇f run compiled:");
        for (NDArray gi : g) sb.append(' ').append(dev.cotangent.graph.Numbers.full(gi.item()));
        return sb.append('\n').toString();
    }

    private void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new CliException("cannot write " + file + ": " + ex.getMessage());
        }
        spec.commandLine().getErr().println("cotangent: wrote " + file);
    }
}
