package dev.cotangent.examples.demo;

import dev.cotangent.AD;
import dev.cotangent.Checkpoints;
import dev.cotangent.Loop;
import dev.cotangent.Tensor;
import dev.cotangent.examples.report.Plots;
import dev.cotangent.tensor.NDArray;
import java.awt.Color;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The memory curse of long loops, measured: the gradient of Σ x_K for the M1 recurrence x_{k+1} = tanh(W x_k)
 * (n = 256, K = 2000, W and x₀ as in WORKLOADS.md) with respect to W, under {@link Checkpoints#all()},
 * {@link Checkpoints#every(int)} for several k and {@link Checkpoints#binomial(int)} for several s, and for a
 * reversible variant (x ← x + tanh(W y), y ← y + tanh(W x), K/2 leapfrog steps, as many products by W) under
 * {@link Loop#leapfrog}, which runs the steps backwards instead of storing them. For each: the memory held for the
 * backward sweep and the gradient time; plotted as a memory/time trade-off.
 *
 * <p>What is measured and what is computed: every tape size is measured with {@code AD.vjp(...).savedBytes()}
 * (distinct arrays the tape keeps). all(): the tape of the loss. every(k): the outer tape (segment inputs) plus the
 * tape of one k-step segment, alive while that segment is reversed. binomial(s): the outer tape plus s states
 * (computed: s × the state's bytes) plus one step's tape. leapfrog: the outer tape plus one step's tapes of u and v
 * plus two state pairs (computed). W is held once, by the outer tape: inner tapes are counted without it. Times
 * are wall-clock medians on a shared machine.
 */
public final class MemoryDemo {
    private MemoryDemo() {}

    /** One configuration: its label, family, memory held (bytes), median gradient seconds, recomputed steps. */
    record Row(String label, String family, long bytes, double seconds, long recomputed, double deviation) {}

    /** A configuration to measure: how it computes the gradient, and the memory it holds (bytes). */
    private record Config(String label, String family, long bytes, long recomputed,
                          java.util.function.Supplier<double[]> gradient) {}

    public static String run(Path out, PrintStream log, boolean quick) {
        int n = quick ? 32 : 256;
        int k = quick ? 200 : 2000;
        int[] every = quick ? new int[] {5, 14, 50} : new int[] {10, 45, 200};
        int[] binomial = quick ? new int[] {2, 4, 8} : new int[] {4, 8, 16, 32};
        int rounds = quick ? 1 : 3;
        Tensor w = Tensor.from(uniform(401, Math.sqrt(3.0 / n), n, n));
        Tensor x0 = Tensor.from(uniform(402, 1, n));
        long wBytes = 8L * n * n;
        long state = 8L * n;
        BiFunction<Tensor, Tensor, Tensor> step = (x, ww) -> ww.matmul(x).tanh();
        Function<Checkpoints, Function<Tensor, Tensor>> loss = p -> ww -> Loop.scan(step, x0, ww, k, p).sum();

        List<Config> configs = new ArrayList<>();
        List<Checkpoints> policies = new ArrayList<>();
        policies.add(Checkpoints.all());
        for (int e : every) policies.add(Checkpoints.every(e));
        for (int s : binomial) policies.add(Checkpoints.binomial(s));
        long oneStep = AD.vjp(ww -> step.apply(x0, ww), w).savedBytes() - wBytes;
        for (Checkpoints p : policies) {
            Function<Tensor, Tensor> f = loss.apply(p);
            long outer = AD.vjp(f, w).savedBytes();
            long bytes = switch (p.kind()) {
                case ALL -> outer;
                case EVERY -> outer + segmentTape(step, x0, w, Math.min(p.parameter(), k)) - wBytes;
                case BINOMIAL -> outer + p.parameter() * state + oneStep;
            };
            configs.add(new Config(p.toString(), p.kind().name(), bytes, p.recomputedSteps(k),
                    () -> AD.grad(f).apply(w).toArray()));
        }

        // the reversible variant, K/2 leapfrog steps (K products by W), reversed vs stored
        int half = k / 2;
        BiFunction<Tensor, Tensor, Tensor> coupling = (s, ww) -> ww.matmul(s).tanh();
        Function<Tensor, Tensor> reversed = ww -> {
            Tensor[] r = Loop.leapfrog(coupling, coupling, x0, x0, ww, 1.0, half);
            return r[0].sum().add(r[1].sum());
        };
        Function<Tensor, Tensor> stored = ww -> {
            Tensor x = x0;
            Tensor y = x0;
            for (int i = 0; i < half; i++) {
                x = x.add(coupling.apply(y, ww));
                y = y.add(coupling.apply(x, ww));
            }
            return x.sum().add(y.sum());
        };
        configs.add(new Config("reversible, all states", "REVERSIBLE", AD.vjp(stored, w).savedBytes(), 0,
                () -> AD.grad(stored).apply(w).toArray()));
        long lfBytes = AD.vjp(reversed, w).savedBytes() + 2 * (segmentTape(coupling, x0, w, 1) - wBytes) + 4 * state;
        configs.add(new Config("leapfrog", "LEAPFROG", lfBytes, 0, () -> AD.grad(reversed).apply(w).toArray()));
        configs.add(new Config("leapfrog forward", "FORWARD", 0, 0,
                () -> Loop.leapfrog(coupling, coupling, x0, x0, w, 1.0, half)[0].toArray()));

        // timing: rounds that visit every configuration in turn (interleaved, so load changes hit all alike)
        double[][] times = new double[configs.size()][rounds];
        double[][] gradients = new double[configs.size()][];
        for (int round = -1; round < rounds; round++) { // round −1 warms the JIT up and is not counted
            for (int c = 0; c < configs.size(); c++) {
                long t0 = System.nanoTime();
                gradients[c] = configs.get(c).gradient().get();
                if (round >= 0) times[c][round] = (System.nanoTime() - t0) / 1e9;
            }
        }
        List<Row> rows = new ArrayList<>();
        int reversible = configs.size() - 3;
        for (int c = 0; c < configs.size() - 1; c++) {
            Config cf = configs.get(c);
            double[] ref = gradients[c >= reversible ? reversible : 0];
            rows.add(new Row(cf.label(), cf.family(), cf.bytes(), median(times[c]), cf.recomputed(),
                    deviation(gradients[c], ref)));
            log.printf(Locale.ROOT, "%-24s %9.3f MiB  %8.3f s%n", cf.label(), cf.bytes() / 1048576.0, median(times[c]));
        }
        double forwardSeconds = median(times[configs.size() - 1]);

        plot(out.resolve("memory-tradeoff.png"), rows, n, k, wBytes);
        return summary(rows, n, k, half, forwardSeconds, wBytes);
    }

    /** The tape of {@code len} steps from x₀ (what one segment holds while it is reversed), W included. */
    private static long segmentTape(BiFunction<Tensor, Tensor, Tensor> step, Tensor x0, Tensor w, int len) {
        return AD.vjp(ww -> {
            Tensor h = x0;
            for (int i = 0; i < len; i++) h = step.apply(h, ww);
            return h.sum();
        }, w).savedBytes();
    }

    private static String summary(List<Row> rows, int n, int k, int half, double forwardSeconds, long wBytes) {
        Row all = rows.get(0);
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%-24s %12s %14s %10s %9s %12s %12s%n",
                "schedule", "memory MiB", "besides W KiB", "time s", "÷ all()", "recomputed", "1 + rec/K"));
        double worst = 0;
        for (Row r : rows) {
            boolean loop = !r.family().equals("REVERSIBLE") && !r.family().equals("LEAPFROG");
            if (loop) worst = Math.max(worst, r.deviation());
            t.append(String.format(Locale.ROOT, "%-24s %12.3f %14.1f %10.3f %9s %12s %12s%n", r.label(),
                    r.bytes() / 1048576.0, (r.bytes() - wBytes) / 1024.0, r.seconds(), loop ? String.format(Locale.ROOT, "%.2f", r.seconds() / all.seconds()) : "",
                    r.family().equals("BINOMIAL") ? Long.toString(r.recomputed()) : "",
                    r.family().equals("BINOMIAL") ? String.format(Locale.ROOT, "%.2f", 1 + r.recomputed() / (double) k) : ""));
        }
        Row stored = rows.get(rows.size() - 2);
        Row lf = rows.get(rows.size() - 1);
        return String.format(Locale.ROOT, "memory (x_{k+1} = tanh(W x_k), n = %d, K = %d; gradient w.r.t. W; medians "
                        + "of interleaved runs): every schedule's gradient equals all()'s to %.1e (relative); leapfrog "
                        + "(%d reversible steps) equals storing all states to %.1e, holding %.3f MiB instead of %.3f "
                        + "MiB, in %.2f× the time of storing them and %.1f× its forward pass (the gradient w.r.t. W "
                        + "costs an outer product per step, which the forward pass does not pay);%n%s"
                        + "plot memory-tradeoff.png",
                n, k, worst, half, lf.deviation(), lf.bytes() / 1048576.0, stored.bytes() / 1048576.0,
                lf.seconds() / stored.seconds(), lf.seconds() / forwardSeconds, t);
    }

    /** Time against the memory held besides W (which every configuration holds once, and would hide the rest). */
    private static void plot(Path file, List<Row> rows, int n, int k, long wBytes) {
        XYChart chart = Plots.chart("Memory held vs gradient time: x_{k+1} = tanh(W x_k), n = " + n + ", K = " + k,
                "memory held for the backward sweep besides W (KiB, log scale)", "gradient time (s)");
        chart.getStyler().setXAxisLogarithmic(true);
        Object[][] families = {{"ALL", "all()", Color.BLACK}, {"EVERY", "every(k)", new Color(31, 119, 180)},
            {"BINOMIAL", "binomial(s) (revolve)", new Color(214, 39, 40)},
            {"REVERSIBLE", "reversible variant, all states", new Color(150, 150, 150)},
            {"LEAPFROG", "reversible variant, leapfrog reversal", new Color(44, 160, 44)}};
        for (Object[] fam : families) {
            List<Row> in = rows.stream().filter(r -> r.family().equals(fam[0])).toList();
            if (in.isEmpty()) continue;
            double[] x = in.stream().mapToDouble(r -> (r.bytes() - wBytes) / 1024.0).toArray();
            double[] y = in.stream().mapToDouble(Row::seconds).toArray();
            List<String> params = in.stream().map(Row::label).map(l -> l.replaceAll("[^0-9]", ""))
                    .filter(l -> !l.isEmpty()).toList();
            XYSeries s = chart.addSeries(fam[1] + (params.isEmpty() ? "" : " " + String.join(", ", params)), x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor((Color) fam[2]);
            s.setMarkerColor((Color) fam[2]);
        }
        Plots.save(chart, file);
    }

    private static double deviation(double[] g, double[] ref) {
        double m = 0;
        double scale = 0;
        for (int i = 0; i < g.length; i++) {
            m = Math.max(m, Math.abs(g[i] - ref[i]));
            scale = Math.max(scale, Math.abs(ref[i]));
        }
        return m / scale;
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    /** WORKLOADS.md's generator: a·(2u − 1), u from SplittableRandom(seed), row-major. */
    static NDArray uniform(long seed, double a, int... dims) {
        SplittableRandom r = new SplittableRandom(seed);
        int size = 1;
        for (int d : dims) size *= d;
        double[] v = new double[size];
        for (int i = 0; i < size; i++) v[i] = a * (2 * r.nextDouble() - 1);
        return NDArray.wrap(dev.cotangent.tensor.Shape.of(dims), v);
    }
}
