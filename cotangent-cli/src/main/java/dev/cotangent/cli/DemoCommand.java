package dev.cotangent.cli;

import dev.cotangent.Config;
import dev.cotangent.examples.Demos;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cotangent demo}: the learning demos of cotangent-examples, each printing a summary and writing PNG plots. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Runs a learning demo (summary + PNG plots).",
        description = {"Runs a learning demo: prints a short summary and writes its plots (PNG) to --out.",
            "  mlp         MLP on the 8x8 UCI digits; reports the held-out accuracy",
            "  resnet      residual network on the digits",
            "  rnn         Elman recurrent network reading the digit images row by row",
            "  mds         multidimensional scaling: 2-D points from their distance matrix",
            "  zero-order  gradient descent vs finite-difference and two-point estimators, d = 10, 100, 1000",
            "  newton      logistic regression: Newton (exact Hessian) vs gradient descent",
            "  sinkhorn    optimal transport: unrolled vs implicit gradient (error, memory, time), a point-cloud flow",
            "  bilevel     ridge penalty on the digits by gradient descent through argmin, vs a grid search",
            "  control     optimal control of an ODE: continuous adjoint vs discretise-then-differentiate",
            "  memory      memory vs time of a 2000-step loop's gradient: checkpoint schedules, leapfrog",
            "  spark       the digits MLP trained data-parallel on Spark (--master), compared with one JVM",
            "  all         every demo in turn (spark excepted)"},
        footerHeading = "%nExamples:%n",
        footer = {"  cotangent demo mlp --out demo-out", "  cotangent demo all --out /tmp/plots --threads 1",
            "  cotangent demo spark --out demo-out --master local[2]"})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME",
            description = "mlp, resnet, rnn, mds, zero-order, newton, sinkhorn, bilevel, control, memory, spark or all")
    String name;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the plots (default: ${DEFAULT-VALUE}).",
            defaultValue = "demo-out")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "BLAS threads (default: OpenBLAS's own choice).")
    Integer threads;

    @Option(names = "--quick", description = "A reduced problem size, for a smoke test.")
    boolean quick;

    @Option(names = "--master", paramLabel = "URL", description = "The spark demo's Spark master: local[N], "
            + "spark://HOST:7077, yarn, k8s://... (default: the one spark-submit set, else local[2]).")
    String master;

    @Override
    public Integer call() {
        List<String> names = name.equals("all") ? Demos.NAMES : List.of(name);
        if (!name.equals("all") && !Demos.NAMES.contains(name) && !name.equals(Demos.SPARK)) {
            throw new CliException("unknown demo '" + name + "'; the demos are " + String.join(", ", Demos.NAMES)
                    + ", " + Demos.SPARK + " (or all)");
        }
        if (threads != null) {
            if (threads < 1) throw new CliException("--threads " + threads + ": give 1 or more");
            Config.setBlasThreads(threads);
        }
        Output.requireWritableDirectory(out, "--out"); // before the demo runs, not after its minutes of work
        PrintStream log = new PrintStream(new LineForwarder(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
        for (String n : names) {
            long t0 = System.nanoTime();
            Demos.run(n, out, log, quick, master);
            log.printf("(%s took %.1f s; plots in %s)%n%n", n, (System.nanoTime() - t0) / 1e9, out.toAbsolutePath());
        }
        return 0;
    }

    /** Forwards UTF-8 bytes to the command's writer a line at a time, so a demo's progress shows as it runs. */
    private static final class LineForwarder extends java.io.OutputStream {
        private final java.io.PrintWriter out;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        LineForwarder(java.io.PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') flush();
        }

        @Override
        public void flush() {
            out.print(line.toString(StandardCharsets.UTF_8));
            out.flush();
            line.reset();
        }
    }
}
