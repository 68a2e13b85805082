package dev.cotangent.cli;

import dev.cotangent.Config;
import dev.cotangent.gradbench.Server;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cotangent gradbench}: a GradBench tool on standard input and output (cotangent-gradbench's server). Only
 * protocol lines go to stdout, each flushed; the log goes to stderr. While it serves, {@code System.out} is pointed
 * at stderr, so that nothing else printed by the process can corrupt the protocol stream, and matrix products use
 * one thread unless {@code --multithreaded} is given (GradBench's convention for tools).
 */
@Command(name = "gradbench", mixinStandardHelpOptions = true,
        header = "Serves GradBench's tool protocol on stdin/stdout (all twelve evals).",
        description = {"A GradBench tool: reads the eval's JSON messages on standard input, one per line, and answers "
            + "each with one JSON line on standard output; logs go to standard error. Exits 0 at the end of input.",
            "Evals: hello, lse, llsq, det, ode, kmeans, gmm, ba, ht, lstm, particle, saddle.",
            "Like every GradBench tool it uses one thread unless given --multithreaded.",
            "With GradBench: ./gradbench repo run --eval gmm --tool \"$ /path/to/cotangent gradbench\""},
        footerHeading = "%nExamples:%n",
        footer = {"  echo '{\"id\":0,\"kind\":\"start\",\"eval\":\"hello\"}' | cotangent gradbench",
            "  python3 ../shared/bench/gradbench/replay.py --tool \"./cotangent gradbench\" ../shared/data/gradbench"})
final class GradbenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--multithreaded", description = "Let matrix products use every processor (default: one thread, "
            + "as GradBench runs tools).")
    boolean multithreaded;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.io.PrintStream stdout = System.out;
        int threads = Config.blasThreads();
        Config.setBlasThreads(multithreaded ? Runtime.getRuntime().availableProcessors() : 1);
        System.setOut(System.err);
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            Server.standard(err).serve(in, out);
        } finally {
            System.setOut(stdout);
            Config.setBlasThreads(threads);
        }
        return 0;
    }
}
