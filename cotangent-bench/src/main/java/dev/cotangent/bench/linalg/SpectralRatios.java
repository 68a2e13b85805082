package dev.cotangent.bench.linalg;

import dev.cotangent.kernel.Blas;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ratios of {@link SpectralBench} measured robustly on a shared machine: the variants (library forward, raw
 * LAPACKE, gradients) run interleaved, one call each per round, so that background load hits them all alike, and
 * the median and minimum over the rounds are printed with the ratios of the medians. Arguments: BLAS threads,
 * rounds, sizes ({@code 1 15 64 256 1024}).
 */
public final class SpectralRatios {
    private SpectralRatios() {}

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int[] sizes = args.length > 2
                ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray() : new int[] {64, 256};
        System.out.printf("threads %d, %d interleaved rounds; median (min) in ms%n", threads, rounds);
        for (int n : sizes) {
            SpectralBench b = new SpectralBench();
            b.n = n;
            b.threads = threads;
            b.setup();
            Blas.setThreads(threads);
            Map<String, Supplier<Object>> variants = new LinkedHashMap<>();
            variants.put("eighForward", b::eighForward);
            variants.put("eighRawLapacke", b::eighRawLapacke);
            variants.put("eighGradient", b::eighGradient);
            variants.put("eigvalshGradient", b::eigvalshGradient);
            variants.put("svdForward", b::svdForward);
            variants.put("svdRawLapacke", b::svdRawLapacke);
            variants.put("svdGradient", b::svdGradient);
            Map<String, double[]> times = new LinkedHashMap<>();
            int warm = Math.max(2, rounds / 3);
            for (int r = -warm; r < rounds; r++) {
                for (Map.Entry<String, Supplier<Object>> e : variants.entrySet()) {
                    long t0 = System.nanoTime();
                    e.getValue().get();
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (r >= 0) times.computeIfAbsent(e.getKey(), k -> new double[rounds])[r] = ms;
                }
            }
            Map<String, Double> median = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : times.entrySet()) {
                double[] t = e.getValue().clone();
                Arrays.sort(t);
                median.put(e.getKey(), t[rounds / 2]);
                System.out.printf("n=%-5d %-17s %10.3f (%.3f)%n", n, e.getKey(), t[rounds / 2], t[0]);
            }
            System.out.printf("n=%-5d eigh forward / raw %.2f, eigh gradient / forward %.2f, eigvalsh gradient / "
                            + "forward %.2f, svd forward / raw %.2f, svd gradient / forward %.2f%n", n,
                    median.get("eighForward") / median.get("eighRawLapacke"),
                    median.get("eighGradient") / median.get("eighForward"),
                    median.get("eigvalshGradient") / median.get("eighForward"),
                    median.get("svdForward") / median.get("svdRawLapacke"),
                    median.get("svdGradient") / median.get("svdForward"));
        }
    }
}
