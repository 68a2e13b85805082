package dev.cotangent.bench.compile;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.graph.compile.GraphCompiler;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The jit bench command: {@code java -cp cotangent-bench/target/benchmarks.jar dev.cotangent.bench.compile.JitBench
 * [S1 T1 M1 H1 SCAN]}; each workload is checked against its closed form or the eager engine, then timed paired with its
 * baseline (plain Java or eager) in the same run.
 */
public final class JitBench {
    private JitBench() {}

    public static void main(String[] args) {
        List<String> which = args.length == 0 ? List.of("S1", "T1", "M1", "H1", "SCAN") : Arrays.asList(args);
        StringBuilder report = new StringBuilder();
        for (String w : which) {
            switch (w) {
                case "S1": S1Jit.run(10_000, true, report); S1Jit.run(100_000, false, report); break;
                case "T1": T1Jit.run(report); break;
                case "M1": M1Jit.run(report); break;
                case "H1": H1Jit.run(report); break;
                case "SCAN": ScanJit.run(10_000, 64, report); ScanJit.run(10_000, 8, report); break;
                default: throw new IllegalArgumentException("unknown workload " + w + "; known: S1 T1 M1 H1 SCAN");
            }
            System.out.print(report);
            report.setLength(0);
        }
    }

    /**
     * Milliseconds to stage {@code body} for these inputs and compile it (passes, fusion, buffer plan), the least
     * over three tries: the compile time once the compiler's own code is warm. The first call of a jitted function
     * costs this plus one run.
     */
    static double compileMs(Function<Tensor[], Tensor[]> body, Tensor[] args) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            GraphCompiler.compile(AD.stage(body, args));
            best = Math.min(best, (System.nanoTime() - t0) * 1e-6);
        }
        return best;
    }
}
