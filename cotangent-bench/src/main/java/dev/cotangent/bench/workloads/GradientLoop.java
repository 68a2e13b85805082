package dev.cotangent.bench.workloads;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.Locale;
import java.util.function.Function;

/**
 * One gradient of a workload, repeated for a time budget: what RESULTS-tape.md profiled with JFR and timed for
 * M1, e.g. {@code java -XX:StartFlightRecording=filename=m1.jfr,settings=profile -cp
 * cotangent-bench/target/benchmarks.jar dev.cotangent.bench.workloads.GradientLoop m1 1 15}. Modes:
 * {@code s1-scalar N seconds}, {@code s1-vector N seconds}, {@code m1 B seconds}.
 */
public final class GradientLoop {
    private GradientLoop() {}

    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("GradientLoop: give a mode (s1-scalar, s1-vector, m1), a size "
                    + "(n for S1, the batch B for M1) and seconds, e.g. m1 1 15");
        }
        int size = Integer.parseInt(args[1]);
        long end = System.nanoTime() + (long) (Double.parseDouble(args[2]) * 1e9);
        Runnable gradient;
        switch (args[0]) {
            case "s1-scalar": {
                double[] x = S1.start(size);
                gradient = () -> Timer.sink = S1.scalarGradient(x)[0];
                break;
            }
            case "s1-vector": {
                double[] x = S1.start(size);
                gradient = () -> Timer.sink = S1.vectorGradient(x)[0];
                break;
            }
            case "m1": {
                int n = 256;
                Tensor w = Tensor.from(Data.uniform(401, Math.sqrt(3.0 / n), n, n));
                Tensor x0 = Tensor.from(size == 1 ? Data.uniform(402, 1, n) : Data.uniform(402, 1, n, size));
                Function<Tensor, Tensor> loss = ww -> {
                    Tensor x = x0;
                    for (int i = 0; i < 2000; i++) x = Ops.tanh(Ops.matmul(ww, x));
                    return Ops.sum(x);
                };
                gradient = () -> Timer.sink = AD.grad(loss).apply(w).value().unsafeData()[0];
                break;
            }
            default:
                throw new IllegalArgumentException("GradientLoop: unknown mode " + args[0]
                        + "; known: s1-scalar, s1-vector, m1");
        }
        int reps = 0;
        long t0 = System.nanoTime();
        do {
            gradient.run();
            reps++;
        } while (System.nanoTime() < end);
        System.out.printf(Locale.ROOT, "%s %d: %d gradients, %.3f ms each%n", args[0], size, reps,
                (System.nanoTime() - t0) / 1e6 / reps);
    }
}
