package dev.cotangent.bench.workloads;

import dev.cotangent.AD;
import dev.cotangent.Config;
import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGrads;
import dev.cotangent.nn.optim.Adam;
import dev.cotangent.nn.optim.Optimizer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 13's memory check: T1 trained with cotangent-nn's Adam for many steps (10⁴ by default), printing the
 * process's resident set (VmRSS, Linux) and the committed Java heap every thousand steps, so that native memory
 * growth (off-heap copies waiting for the garbage collector) would show as RSS minus heap growing. Usage:
 * {@code java -cp benchmarks.jar dev.cotangent.bench.workloads.T1Memory [steps]}.
 */
public final class T1Memory {
    private T1Memory() {}

    public static void main(String[] args) throws IOException {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Config.setBlasThreads(1);
        Tensor x = T1.x();
        int[] labels = T1.labels();
        Adam adam = Adam.adam(1e-3);
        Map<String, Tensor> p = T1.params();
        Adam.State state = adam.init(p);
        long t0 = System.nanoTime();
        for (int s = 1; s <= steps; s++) {
            ValueAndGrads vg = AD.valueAndGrad(q -> T1.loss(q, x, labels), p);
            Optimizer.Update<Adam.State> u = adam.step(p, vg.grads(), state);
            p = u.params();
            state = u.state();
            if (s % 1000 == 0 || s == 1) {
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
                long rss = rssBytes();
                System.out.printf(Locale.ROOT, "step %6d: loss %.6f, RSS %.1f MB, committed heap %.1f MB, RSS - heap %.1f MB, %.2f ms/step%n",
                        s, vg.value().item(), rss / 1e6, heap / 1e6, (rss - heap) / 1e6, (System.nanoTime() - t0) / 1e6 / s);
            }
        }
    }

    private static long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
        return -1;
    }
}
