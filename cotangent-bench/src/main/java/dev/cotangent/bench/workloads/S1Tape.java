package dev.cotangent.bench.workloads;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.VjpOf;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * The scalar tape of issue 13 measured on S1 op by op: time per recorded op (forward and backward) and heap per
 * recorded op, for the compact tape (0-d inputs) against the general tape (the same program on shape-[1] inputs,
 * which the compact tape does not take), interleaved in one run; then one gradient of 10⁷ recorded ops. Run it
 * with the collector and heap to report, e.g. {@code java -Xmx4g -cp cotangent-bench/target/benchmarks.jar
 * dev.cotangent.bench.workloads.S1Tape}.
 */
public final class S1Tape {
    private S1Tape() {}

    public static void main(String[] args) {
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "S1 op by op, %s, max heap %d MiB%n",
                ManagementFactory.getGarbageCollectorMXBeans().get(0).getName(), Runtime.getRuntime().maxMemory() >> 20));
        for (int n : new int[] {10_000, 100_000}) {
            double[] x = S1.start(n);
            double ops = 8.0 * (n - 1);
            Runnable compact = Timer.consume(() -> gradient(inputs(x, false))[0]);
            Runnable general = Timer.consume(() -> gradient(inputs(x, true))[0]);
            S1.check(n, gradient(inputs(x, false)), "compact");
            S1.check(n, gradient(inputs(x, true)), "general");
            Timer.warm(compact, 2);
            Timer.warm(general, 2);
            double[] p = Timer.paired(compact, general, 11);
            report.append(String.format(Locale.ROOT,
                    "n=%d: compact %.1f ns per recorded op incl. backward, general %.1f ns (general/compact %.2fx); "
                            + "heap per recorded op while the tape is live: compact %.0f B, general %.0f B%n",
                    n, p[0] * 1e9 / ops, p[1] * 1e9 / ops, p[2], bytesPerOp(x, false), bytesPerOp(x, true)));
            System.out.print(report);
            report.setLength(0);
        }
        int n = 1_250_002; // even, as S1.check expects; 8(n − 1) ≥ 10⁷ ops
        double[] x = S1.start(n);
        long t0 = System.nanoTime();
        double[] g = gradient(inputs(x, false));
        double s = (System.nanoTime() - t0) * 1e-9;
        S1.check(n, g, "compact, 10^7 ops");
        report.append(String.format(Locale.ROOT, "10^7 recorded ops (n=%d): one gradient %.2f s (%.0f ns per op, "
                + "first run, JIT warm from above); heap per recorded op %.0f B%n", n, s, s * 1e9 / (8.0 * (n - 1)),
                bytesPerOp(x, false)));
        System.out.print(report);
    }

    private static Tensor[] inputs(double[] x, boolean general) {
        Tensor[] in = new Tensor[x.length];
        for (int i = 0; i < x.length; i++) in[i] = general ? Tensor.of(x[i]) : Tensor.scalar(x[i]);
        return in;
    }

    private static double[] gradient(Tensor[] in) {
        List<Tensor> g = AD.valueAndGrad(xs -> dev.cotangent.Ops.sum(S1.scalarProgram(xs)), in).grads();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) out[i] = g.get(i).toArray()[0];
        return out;
    }

    /** Heap in use with the recorded tape live, less the heap in use before recording, per recorded op. */
    private static double bytesPerOp(double[] x, boolean general) {
        Tensor[] in = inputs(x, general);
        long before = usedAfterGc();
        VjpOf<Tensor[], Tensor> r = AD.vjp(S1::scalarProgram, in);
        long with = usedAfterGc();
        Timer.sink = r.value().toArray()[0];
        java.lang.ref.Reference.reachabilityFence(r);
        return (with - before) / (8.0 * (x.length - 1));
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
