package dev.cotangent.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code cotangent} command: derivatives of formulas, explained step by step. Subcommands: explain, grad,
 * hessian, jacobian, demo, and gradbench (a GradBench tool on stdin/stdout). Exit codes: 0 success, 2 a usage or
 * input error (one message on stderr), 1 an internal error.
 */
@Command(name = "cotangent", mixinStandardHelpOptions = true, version = "cotangent 0.1.0",
        description = {"Automatic differentiation of formulas, explained as in the lecture: the program as a "
            + "graph, forward-mode and reverse-mode tables, gradients, Hessians and Jacobians.", "",
            "Expressions: numbers (2, 2.5, .5, 1e-3), pi, e, variables, + - * / ^ (^ is right-associative and "
            + "binds tighter than unary minus: -x^2 = -(x^2)), parentheses, and the functions",
            "  sin cos tan asin acos atan sinh cosh tanh exp log log1p expm1 sqrt abs",
            "  sigmoid relu softplus pow(a,b) max(a,b) min(a,b) atan2(y,x).",
            "Several expressions are separated by ';' (for jacobian)."},
        subcommands = {ExplainCommand.class, GradCommand.class, HessianCommand.class, JacobianCommand.class,
            DemoCommand.class, ServeCommand.class, GradbenchCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  cotangent explain \"y*log(x) + sqrt(y*log(x))\" --at x=2,y=3",
            "  cotangent grad \"x*y + sin(x)\" --at x=1,y=2 --json",
            "  cotangent hessian \"x^2*y\" --at x=1,y=2",
            "  cotangent jacobian \"x*y; x+y\" --at x=2,y=3",
            "  cotangent demo mlp --out demo-out",
            "  cotangent serve --open                   (the explain page in a browser)",
            "Run 'cotangent COMMAND --help' for a command's options."})
public final class Main implements Runnable {
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing a command: explain, grad, hessian, "
                + "jacobian, demo, serve or gradbench");
    }

    /** Runs the command line with these streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExpandAtFiles(false);
        cl.setUnmatchedOptionsArePositionalParams(true); // an expression may start with "-", as in "-x^2"
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("cotangent: " + ex.getMessage());
            c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof CliException) {
                c.getErr().println("cotangent: " + ex.getMessage());
                return USAGE;
            }
            c.getErr().println("cotangent: internal error: " + ex);
            ex.printStackTrace(c.getErr());
            return 1;
        });
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        if (System.getenv("COTANGENT_TIMING") != null) {
            err.printf("cotangent: %.3f s from main() to exit%n", (System.nanoTime() - start) / 1e9);
            err.flush();
        }
        System.exit(code);
    }
}
