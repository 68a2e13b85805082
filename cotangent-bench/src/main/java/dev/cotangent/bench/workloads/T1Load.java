package dev.cotangent.bench.workloads;

import dev.cotangent.AD;
import dev.cotangent.Config;
import dev.cotangent.Tensor;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 13's "T1 under load": the T1 step and forward, quiet and with a busy loop in another process (one core's
 * worth of load), for each BLAS thread setting, interleaved block by block so that both see the same machine.
 * Each block also reports the garbage collector's time per step. Usage:
 * {@code java -cp benchmarks.jar dev.cotangent.bench.workloads.T1Load [rounds] [threads ...]}, where a threads
 * value is the maximum given to {@link Config#setBlasThreads}, with load awareness on ({@link Config#setBlasLoadAware});
 * a value ending in {@code x} turns load awareness off ({@code 2x}: always 2 threads for products over the threshold).
 */
public final class T1Load {
    private T1Load() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> threads = new ArrayList<>();
        for (int i = 1; i < args.length; i++) threads.add(args[i]);
        if (threads.isEmpty()) threads = List.of("1", "2x", "2");
        Tensor x = T1.x();
        int[] labels = T1.labels();
        Map<String, Tensor> p = T1.params();
        Runnable fwd = Timer.consume(() -> T1.loss(p, x, labels).item());
        Runnable step = Timer.consume(() -> AD.valueAndGrad(q -> T1.loss(q, x, labels), p).value().item());
        Timer.warm(step, 3);
        Timer.warm(fwd, 1);
        int nt = threads.size();
        double[][][] tStep = new double[nt][2][rounds];
        double[][][] tFwd = new double[nt][2][rounds];
        double[][][] gc = new double[nt][2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int c = 0; c < nt; c++) {
                String t = threads.get(c);
                Config.setBlasLoadAware(!t.endsWith("x"));
                Config.setBlasThreads(Integer.parseInt(t.replace("x", "")));
                for (int load = 0; load < 2; load++) {
                    Process busy = load == 1 ? new ProcessBuilder("sh", "-c", "while :; do :; done").start() : null;
                    try {
                        Thread.sleep(100);
                        long gc0 = gcMillis();
                        tStep[c][load][r] = Timer.block(step, 40);
                        gc[c][load][r] = (gcMillis() - gc0) / 40.0;
                        tFwd[c][load][r] = Timer.block(fwd, 40);
                    } finally {
                        if (busy != null) {
                            busy.destroy();
                            busy.waitFor();
                        }
                    }
                }
            }
        }
        for (int c = 0; c < nt; c++) {
            for (int load = 0; load < 2; load++) {
                System.out.printf(Locale.ROOT,
                        "T1 threads=%s %s: step %.2f ms (range %.2f-%.2f), forward %.2f ms (range %.2f-%.2f), GC %.2f ms/step; loaded/quiet step ratio %.2f%n",
                        threads.get(c),
                        load == 0 ? "quiet " : "loaded", Timer.med(tStep[c][load]) * 1e3, min(tStep[c][load]) * 1e3,
                        max(tStep[c][load]) * 1e3, Timer.med(tFwd[c][load]) * 1e3, min(tFwd[c][load]) * 1e3,
                        max(tFwd[c][load]) * 1e3, Timer.med(gc[c][load]), ratio(tStep[c][1], tStep[c][0]));
            }
        }
    }

    private static long gcMillis() {
        long s = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) s += Math.max(0, b.getCollectionTime());
        return s;
    }

    private static double ratio(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i] / b[i];
        return Timer.med(r);
    }

    private static double min(double[] t) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : t) m = Math.min(m, v);
        return m;
    }

    private static double max(double[] t) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : t) m = Math.max(m, v);
        return m;
    }
}
