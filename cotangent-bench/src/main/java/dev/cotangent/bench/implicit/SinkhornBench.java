package dev.cotangent.bench.implicit;

import dev.cotangent.ot.Sinkhorn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Time per log-domain Sinkhorn iteration, n = m = 1000, ε = 0.05·median(C), float64, against PyTorch's same
 * iteration ({@code cotangent-bench/python/sinkhorn_torch.py}), interleaved in one session: each round times
 * Cotangent (the time of 60 iterations minus that of 10, over 50, so setup cancels), then runs the Python script
 * once (which does the same with 3 repetitions), and the ratio is the median of the rounds' ratios. Usage:
 * <pre>{@code java -cp cotangent-bench/target/benchmarks.jar dev.cotangent.bench.implicit.SinkhornBench
 *     [--n 1000] [--rounds 5] [--torch cotangent-bench/python/sinkhorn_torch.py] [--python /usr/bin/python3]}</pre>
 * Without {@code --torch} only Cotangent is timed. The Python process gets OPENBLAS_CORETYPE=SKYLAKEX, one thread.
 */
public final class SinkhornBench {
    private SinkhornBench() {}

    public static void main(String[] args) throws Exception {
        int n = 1000;
        int rounds = 5;
        String torch = null;
        String python = "/usr/bin/python3";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--torch" -> torch = args[++i];
                case "--python" -> python = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Transport t = Transport.of(n);
        Sinkhorn.Solution s50 = run(t, 50);
        System.out.printf("CHECK eps=%.17g c00=%.17g err50=%.6e%n", t.epsilon(), t.c().toArray()[0], s50.marginalError());
        for (int w = 0; w < 3; w++) run(t, 60); // warm-up
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        String torchInfo = "";
        for (int r = 0; r < rounds; r++) {
            double[] per = new double[3];
            for (int k = 0; k < per.length; k++) {
                double t10 = Clock.seconds(() -> run(t, 10));
                double t60 = Clock.seconds(() -> run(t, 60));
                per[k] = (t60 - t10) / 50;
            }
            double mine = Clock.median(per);
            ours.add(mine);
            String line = String.format("round %d: Cotangent %.2f ms/iteration", r + 1, mine * 1e3);
            if (torch != null) {
                String[] result = torch(python, torch, n);
                double other = Double.parseDouble(result[4]);
                torchInfo = result[8];
                theirs.add(other);
                ratios.add(mine / other);
                line += String.format(", PyTorch %.2f ms/iteration, ratio %.2f", other * 1e3, mine / other);
            }
            System.out.println(line);
        }
        System.out.printf("RESULT sinkhorn per_iteration n=%d Cotangent median %.2f ms (%.2f–%.2f)%n", n,
                med(ours) * 1e3, Clock.min(arr(ours)) * 1e3, Clock.max(arr(ours)) * 1e3);
        if (torch != null) {
            System.out.printf("RESULT sinkhorn per_iteration n=%d PyTorch median %.2f ms (%.2f–%.2f) [%s]%n", n,
                    med(theirs) * 1e3, Clock.min(arr(theirs)) * 1e3, Clock.max(arr(theirs)) * 1e3, torchInfo);
            System.out.printf("RESULT sinkhorn ratio Cotangent/PyTorch median %.2f (%.2f–%.2f) over %d rounds%n",
                    med(ratios), Clock.min(arr(ratios)), Clock.max(arr(ratios)), rounds);
        }
    }

    /** Exactly k iterations on concrete inputs (no trace: the forward solve alone). */
    static Sinkhorn.Solution run(Transport t, int k) {
        Sinkhorn.Solution s = Sinkhorn.solve(t.a(), t.b(), t.c(), t.epsilon(), Sinkhorn.Gradient.UNROLLED,
                Sinkhorn.Options.DEFAULT.withIterations(k));
        Clock.sink = s.marginalError();
        return s;
    }

    /** The fields of the script's RESULT line. */
    static String[] torch(String python, String script, int n) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(python, script, "--n", Integer.toString(n), "--reps", "3");
        pb.environment().put("OPENBLAS_CORETYPE", "SKYLAKEX");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String result = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                all.append(line).append('\n');
                if (line.startsWith("RESULT")) result = line;
            }
        }
        if (p.waitFor() != 0 || result == null) throw new IllegalStateException("the PyTorch script failed:\n" + all);
        return result.split("\t");
    }

    static double med(List<Double> v) {
        return Clock.median(arr(v));
    }

    static double[] arr(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
