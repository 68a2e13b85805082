package dev.cotangent.examples;

import dev.cotangent.Config;
import dev.cotangent.examples.demo.BilevelDemo;
import dev.cotangent.examples.demo.ControlDemo;
import dev.cotangent.examples.demo.MdsDemo;
import dev.cotangent.examples.demo.MemoryDemo;
import dev.cotangent.examples.demo.MlpDemo;
import dev.cotangent.examples.demo.NewtonDemo;
import dev.cotangent.examples.demo.ResNetDemo;
import dev.cotangent.examples.demo.RnnDemo;
import dev.cotangent.examples.demo.SinkhornDemo;
import dev.cotangent.examples.demo.SparkDemo;
import dev.cotangent.examples.demo.ZeroOrderDemo;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demos, by name, for the command line ({@code cotangent demo NAME --out DIR}): each prints its progress to a
 * log, writes PNG plots into a directory and returns a one-paragraph summary.
 */
public final class Demos {
    /** The demo names, in a sensible order. */
    public static final List<String> NAMES = List.of("mlp", "resnet", "rnn", "mds", "zero-order", "newton",
            "sinkhorn", "bilevel", "control", "memory");

    /**
     * The data-parallel demo on Spark (not in {@link #NAMES}, so not in {@code all}: it needs Spark on the class
     * path, which the {@code cotangent} launcher adds for it).
     */
    public static final String SPARK = "spark";

    private Demos() {}

    /** Runs demo {@code name} at full size; returns its summary (also printed to {@code log}). */
    public static String run(String name, Path outDir, PrintStream log) {
        return run(name, outDir, log, false);
    }

    /** As {@link #run(String, Path, PrintStream)}; {@code quick} shrinks the problem to a smoke test. */
    public static String run(String name, Path outDir, PrintStream log, boolean quick) {
        return run(name, outDir, log, quick, null);
    }

    /**
     * As {@link #run(String, Path, PrintStream, boolean)}, with the Spark master URL for the spark demo (null: the
     * one spark-submit set, else local[2]); the other demos ignore it.
     */
    public static String run(String name, Path outDir, PrintStream log, boolean quick, String sparkMaster) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + outDir, e);
        }
        String summary = switch (name) {
            case "mlp" -> MlpDemo.run(outDir, log, quick);
            case "resnet" -> ResNetDemo.run(outDir, log, quick);
            case "rnn" -> RnnDemo.run(outDir, log, quick);
            case "mds" -> MdsDemo.run(outDir, log, quick);
            case "zero-order" -> ZeroOrderDemo.run(outDir, log, quick);
            case "newton" -> NewtonDemo.run(outDir, log, quick);
            case "sinkhorn" -> SinkhornDemo.run(outDir, log, quick);
            case "bilevel" -> BilevelDemo.run(outDir, log, quick);
            case "control" -> ControlDemo.run(outDir, log, quick);
            case "memory" -> MemoryDemo.run(outDir, log, quick);
            case SPARK -> SparkDemo.run(outDir, log, quick, sparkMaster);
            default -> throw new IllegalArgumentException("unknown demo '" + name + "'; the demos are " + NAMES
                    + " and " + SPARK);
        };
        log.println(summary);
        return summary;
    }

    /**
     * {@code java -cp ... dev.cotangent.examples.Demos NAME|all [OUT_DIR] [--quick] [--threads N] [--master URL]};
     * OUT_DIR defaults to {@code demo-out}; --master is the spark demo's Spark master.
     */
    public static void main(String[] args) {
        String name = null;
        Path out = Path.of("demo-out");
        boolean quick = false;
        String master = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--master" -> master = args[++i];
                case "--threads" -> Config.setBlasThreads(Integer.parseInt(args[++i]));
                default -> {
                    if (name == null) name = args[i];
                    else out = Path.of(args[i]);
                }
            }
        }
        if (name == null) {
            System.err.println("usage: Demos NAME|all [OUT_DIR] [--quick] [--threads N] [--master URL]; names: "
                    + NAMES + " and " + SPARK);
            System.exit(2);
        }
        for (String n : name.equals("all") ? NAMES : List.of(name)) {
            long t0 = System.nanoTime();
            run(n, out, System.out, quick, master);
            System.out.printf("(%s took %.1f s)%n%n", n, (System.nanoTime() - t0) / 1e9);
        }
    }
}
