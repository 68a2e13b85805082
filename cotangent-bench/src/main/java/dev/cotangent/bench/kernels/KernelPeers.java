package dev.cotangent.bench.kernels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each fast kernel, the {@code Math.*} loop it replaced and PyTorch's function ({@code torch.exp} etc., SLEEF
 * inside, float64, one thread; {@code cotangent-bench/python/kernels_torch.py}) on 10^6 doubles, interleaved in
 * one session: each round times every Java variant (median of 5 blocks of 10 calls after a warm-up), then runs
 * the Python script once (the same timing), and the ratios are per round. Usage:
 * <pre>{@code java -cp cotangent-bench/target/benchmarks.jar dev.cotangent.bench.kernels.KernelPeers
 *     [--rounds 5] [--torch cotangent-bench/python/kernels_torch.py] [--python /usr/bin/python3]}</pre>
 */
public final class KernelPeers {
    private KernelPeers() {}

    static volatile double sink;

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        int n = 1_000_000;
        String torch = null;
        String python = "/usr/bin/python3";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--torch" -> torch = args[++i];
                case "--python" -> python = args[++i];
                default -> throw new IllegalArgumentException("KernelPeers: unknown argument " + args[i]);
            }
        }
        Inputs[] fns = Inputs.values();
        double[][] xs = new double[fns.length][];
        for (Inputs f : fns) xs[f.ordinal()] = f.timing(7, n);
        double[] out = new double[n];
        for (int w = 0; w < 20; w++) {
            for (Inputs f : fns) {
                f.fast.apply(xs[f.ordinal()], out, n);
                f.mathLoop(xs[f.ordinal()], out);
            }
        }
        Map<String, List<double[]>> rows = new HashMap<>(); // fn -> per round {fast, math, torch}
        String info = "";
        for (int r = 0; r < rounds; r++) {
            Map<String, Double> theirs = new HashMap<>();
            if (torch != null) info = torch(python, torch, theirs);
            for (Inputs f : fns) {
                double[] x = xs[f.ordinal()];
                double fast = time(() -> f.fast.apply(x, out, n));
                double math = time(() -> f.mathLoop(x, out));
                double t = theirs.getOrDefault(f.label(), Double.NaN);
                rows.computeIfAbsent(f.label(), k -> new ArrayList<>()).add(new double[] {fast, math, t});
                System.out.printf(Locale.ROOT, "round %d %-8s Cotangent %.3f ms, Math %.3f ms, PyTorch %.3f ms%n",
                        r + 1, f.label(), fast * 1e3, math * 1e3, t * 1e3);
            }
        }
        System.out.println("| function | Cotangent ms | Math.* ms | PyTorch ms | Math/Cotangent | Cotangent/PyTorch |");
        System.out.println("|---|---|---|---|---|---|");
        for (Inputs f : fns) {
            List<double[]> v = rows.get(f.label());
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", f.label(), range(v, 0, 1e3), range(v, 1, 1e3),
                    range(v, 2, 1e3), ratio(v, 1, 0), ratio(v, 0, 2));
        }
        System.out.println("RESULT kernels n=" + n + " rounds=" + rounds + " " + info);
    }

    /** Median seconds of one call over 5 blocks of 10 calls. */
    static double time(Runnable op) {
        double[] t = new double[5];
        for (int b = 0; b < t.length; b++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 10; i++) op.run();
            t[b] = (System.nanoTime() - t0) * 1e-9 / 10;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }

    static String range(List<double[]> v, int k, double scale) {
        double[] s = v.stream().mapToDouble(a -> a[k] * scale).sorted().toArray();
        return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", s[s.length / 2], s[0], s[s.length - 1]);
    }

    static String ratio(List<double[]> v, int num, int den) {
        double[] s = v.stream().mapToDouble(a -> a[num] / a[den]).sorted().toArray();
        return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", s[s.length / 2], s[0], s[s.length - 1]);
    }

    /** Runs the script once; fills fn -> seconds per call from its RESULT lines; returns its info field. */
    static String torch(String python, String script, Map<String, Double> into) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(python, script);
        pb.environment().put("OPENBLAS_CORETYPE", "SKYLAKEX");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String info = "";
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                all.append(line).append('\n');
                String[] f = line.split("\t");
                if (f[0].equals("RESULT")) into.put(f[1], Double.parseDouble(f[2]));
                if (f[0].equals("INFO")) info = f[1];
            }
        }
        if (p.waitFor() != 0 || into.isEmpty()) throw new IllegalStateException("the PyTorch script failed:\n" + all);
        return info;
    }
}
