package dev.cotangent.bench.workloads;

import java.util.Arrays;
import java.util.List;

/**
 * The bench command: runs the workloads of ../shared/bench/WORKLOADS.md (S1, T1, J1, H1, M1) in this process,
 * checks each against the check values, and prints times and paired ratios. Usage:
 * {@code java -cp cotangent-bench/target/benchmarks.jar dev.cotangent.bench.workloads.Workloads [S1 T1 ...]}.
 */
public final class Workloads {
    private Workloads() {}

    public static void main(String[] args) {
        List<String> which = args.length == 0 ? List.of("S1", "T1", "T1train", "J1", "H1", "M1") : Arrays.asList(args);
        StringBuilder report = new StringBuilder();
        for (String w : which) {
            switch (w) {
                case "S1": S1.run(10_000, report); S1.run(100_000, report); break;
                case "T1": T1.run(1, report); T1.run(2, report); break;
                case "T1train": T1Train.run(report); break;
                case "J1": for (int m : new int[] {1, 10, 100, 1000, 10000}) J1.run(m, report); break;
                case "H1": H1.run(report); break;
                case "M1": M1.run(1, report); M1.run(64, report); break;
                default: throw new IllegalArgumentException("unknown workload " + w + "; known: S1 T1 T1train J1 H1 M1");
            }
            System.out.print(report);
            report.setLength(0);
        }
    }
}
