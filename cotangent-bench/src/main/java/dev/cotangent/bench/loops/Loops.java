package dev.cotangent.bench.loops;

import dev.cotangent.kernel.Blas;
import java.util.Arrays;
import java.util.List;

/**
 * The long-loop measurements of issue 11: {@code M1} (M1b through Loop.scan under all, every(45), binomial(8, 16,
 * 32)), {@code leapfrog} (reversal time ÷ forward and memory, K = 10³ … 10⁵), {@code ode} (RK4 and DOPRI5 forward
 * against plain Java on double[], n = 4, 32, 256) and {@code gradients} (DISCRETE vs ADJOINT as the tolerance
 * tightens). One BLAS thread. Usage:
 * {@code java -cp cotangent-bench/target/benchmarks.jar dev.cotangent.bench.loops.Loops [M1 leapfrog ode gradients]}.
 */
public final class Loops {
    private Loops() {}

    /** Prints one finished measurement at once (the runs are long; nothing is lost if a later one fails). */
    static void print(String line) {
        System.out.print(line);
        System.out.flush();
    }

    public static void main(String[] args) {
        Blas.setThreads(1);
        List<String> which = args.length == 0 ? List.of("ode", "gradients", "leapfrog", "M1") : Arrays.asList(args);
        for (String w : which) {
            switch (w) {
                case "M1" -> M1Schedules.run(3);
                case "leapfrog" -> LeapfrogBench.run(5);
                case "ode" -> {
                    for (int n : new int[] {4, 32, 256}) OdeBench.forward(n, 9);
                }
                case "gradients" -> OdeBench.gradients(5);
                default -> throw new IllegalArgumentException("unknown measurement " + w
                        + "; known: M1 leapfrog ode gradients");
            }
        }
    }
}
