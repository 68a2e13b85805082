package dev.cotangent.bench.tensor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the tensor benchmarks ({@link MatmulBench}, {@link ElementwiseBench}) through JMH and prints the
 * Markdown tables of RESULTS-tensor.md: time per operation (mean ± JMH's 99.9% error, and the median of the
 * measured iterations, which a noisy shared machine disturbs less), GFLOP/s = 2n³/time for matmul, and the
 * ratios against the baselines. JMH options on the command line are passed through (e.g. -f 1 -wi 3 -i 5).
 */
public final class TensorReport {
    private TensorReport() {}

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        OptionsBuilder ob = new OptionsBuilder();
        ob.parent(cli);
        if (cli.getIncludes().isEmpty()) ob.include("dev\\.cotangent\\.bench\\.tensor\\..*Bench\\.");
        Collection<RunResult> results = new Runner(ob.build()).run();
        System.out.println();
        System.out.println(report(results));
    }

    /** One measured benchmark: mean, error and median in its own time unit. */
    private record Cell(double mean, double error, double median, String unit) {}

    static String report(Collection<RunResult> results) {
        // key: method name + "|" + params, e.g. "directDgemm|n=256,threads=1"
        Map<String, Cell> cells = new TreeMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String method = label.substring(label.lastIndexOf('.') + 1);
            StringBuilder params = new StringBuilder();
            for (String key : r.getParams().getParamsKeys()) {
                if (params.length() > 0) params.append(',');
                params.append(key).append('=').append(r.getParams().getParam(key));
            }
            List<Double> scores = new ArrayList<>();
            for (BenchmarkResult br : r.getBenchmarkResults()) {
                for (IterationResult ir : br.getIterationResults()) scores.add(ir.getPrimaryResult().getScore());
            }
            scores.sort(null);
            int k = scores.size();
            double median = k == 0 ? Double.NaN : k % 2 == 1 ? scores.get(k / 2) : (scores.get(k / 2 - 1) + scores.get(k / 2)) / 2;
            cells.put(method + "|" + params, new Cell(r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(),
                    median, r.getPrimaryResult().getScoreUnit()));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("### Matrix product, square float64 (time in ms; GFLOP/s = 2n³/time, from the median)\n\n");
        sb.append("| n | BLAS threads | NDArray.matmul ms (mean ± err / median) | GFLOP/s | direct dgemm on double[] ms | GFLOP/s"
                + " | NDArray / direct (GFLOP/s ratio) | off-heap dgemm ms | GFLOP/s |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (int n : new int[] {256, 512, 1024}) {
            for (int t : new int[] {1, 2}) {
                String p = "n=" + n + ",threads=" + t;
                Cell nd = cells.get("ndarrayMatmul|" + p);
                Cell di = cells.get("directDgemm|" + p);
                Cell off = cells.get("offHeapDgemm|" + p);
                if (nd == null && di == null) continue;
                double flops = 2.0 * n * n * n;
                sb.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | %s | %s | %s | %s | %s |\n", n, t,
                        ms(nd), gflops(flops, nd), ms(di), gflops(flops, di),
                        nd != null && di != null ? String.format(Locale.ROOT, "%.2f", di.median / nd.median) : "-",
                        ms(off), gflops(flops, off)));
            }
        }
        sb.append("\n### Elementwise on 10^6 doubles (time in µs)\n\n");
        sb.append("| op | NDArray µs (mean ± err / median) | plain loop µs (mean ± err / median) | NDArray / loop (time ratio, medians) |\n");
        sb.append("|---|---|---|---|\n");
        for (String op : new String[] {"Add", "Exp"}) {
            Cell nd = cells.get("ndarray" + op + "|size=1000000");
            Cell lp = cells.get("loop" + op + "|size=1000000");
            if (nd == null && lp == null) continue;
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |\n", op.toLowerCase(Locale.ROOT), ms(nd), ms(lp),
                    nd != null && lp != null ? String.format(Locale.ROOT, "%.2f", nd.median / lp.median) : "-"));
        }
        return sb.toString();
    }

    private static String ms(Cell c) {
        if (c == null) return "-";
        return num(c.mean) + " ± " + num(c.error) + " / " + num(c.median);
    }

    /** Three significant digits, without an exponent for the magnitudes seen here. */
    private static String num(double x) {
        if (!Double.isFinite(x)) return String.valueOf(x);
        double a = Math.abs(x);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", x);
    }

    private static String gflops(double flops, Cell c) {
        if (c == null) return "-";
        double seconds = c.median * (c.unit.startsWith("ms") ? 1e-3 : c.unit.startsWith("us") ? 1e-6 : 1);
        return String.format(Locale.ROOT, "%.1f", flops / seconds / 1e9);
    }
}
