package dev.cotangent.bench.linalg;

import dev.cotangent.AD;
import dev.cotangent.Config;
import dev.cotangent.Linalg;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The linear-algebra side of {@code cotangent-bench/peers/linalg_torch.py}: the same ops, matrices of the same
 * kind and the same scalar losses for the gradients, timed the same way (the best of a few repetitions per round,
 * the median and the best over interleaved rounds), so that the two printouts can be put side by side. Run as
 * {@code java -cp cotangent-bench/target/benchmarks.jar dev.cotangent.bench.linalg.LinalgPeers [rounds] [n...]}.
 */
public final class LinalgPeers {
    private static volatile Object sink;

    private LinalgPeers() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int[] sizes = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {64, 256, 1024};
        Config.setBlasThreads(1);
        System.out.println("Cotangent, 1 BLAS thread");
        for (int n : sizes) run(n, rounds);
    }

    private static void run(int n, int rounds) {
        SplittableRandom r = new SplittableRandom(7);
        Tensor a = Tensor.from(NDArray.uniform(r, -1, 1, n, n)).add(Tensor.from(NDArray.eye(n)).mul(n + 1));
        Tensor b0 = Tensor.from(NDArray.uniform(r, -1, 1, n, n));
        Tensor spd = b0.matmul(b0.transpose()).add(Tensor.from(NDArray.eye(n)).mul(n));
        Tensor rhs = Tensor.from(NDArray.uniform(r, 0, 1, n, 1));
        Tensor w = Tensor.from(NDArray.uniform(r, 0, 1, n, 1));
        Map<String, Supplier<?>[]> cases = new LinkedHashMap<>();
        cases.put("solve", pair(() -> Linalg.solve(fresh(a), rhs), grad(x -> Linalg.solve(x, rhs).mul(w).sum(), a)));
        cases.put("cholesky", pair(() -> Linalg.cholesky(fresh(spd)), grad(x -> Linalg.cholesky(x).sum(), spd)));
        cases.put("logAbsDet", pair(() -> Linalg.logAbsDet(fresh(a)), grad(Linalg::logAbsDet, a)));
        cases.put("eigh", pair(() -> Linalg.eigh(fresh(spd)), grad(x -> {
            Tensor[] wv = Linalg.eigh(x);
            return wv[0].sum().add(wv[1].abs().sum());
        }, spd)));
        cases.put("svd", pair(() -> Linalg.svd(fresh(a)), grad(x -> {
            Tensor[] usv = Linalg.svd(x);
            return usv[1].sum().add(usv[0].matmul(usv[2]).sum());
        }, a)));
        int reps = n <= 64 ? 20 : n <= 256 ? 5 : 2;
        Map<String, List<double[]>> times = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<?>[]> e : cases.entrySet()) {
            sink = e.getValue()[0].get();
            sink = e.getValue()[1].get();
            times.put(e.getKey(), new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Supplier<?>[]> e : cases.entrySet()) {
                times.get(e.getKey()).add(new double[] {best(e.getValue()[0], reps), best(e.getValue()[1], reps)});
            }
        }
        for (Map.Entry<String, List<double[]>> e : times.entrySet()) {
            double[] f = e.getValue().stream().mapToDouble(t -> t[0]).sorted().toArray();
            double[] g = e.getValue().stream().mapToDouble(t -> t[1]).sorted().toArray();
            System.out.printf(Locale.ROOT, "n=%d %-9s forward %.3f ms (%.3f)  gradient %.3f ms (%.3f)  grad/fwd %.2f%n",
                    n, e.getKey(), f[f.length / 2], f[0], g[g.length / 2], g[0], g[g.length / 2] / f[f.length / 2]);
        }
    }

    /** A copy with a fresh array, so that no factorization cached for the original is reused (as a new matrix). */
    private static Tensor fresh(Tensor t) {
        return Tensor.from(NDArray.of(t.dims(), t.toArray()));
    }

    @SuppressWarnings("unchecked")
    private static Supplier<?>[] pair(Supplier<?> forward, Supplier<?> gradient) {
        return new Supplier<?>[] {forward, gradient};
    }

    private static Supplier<?> grad(Function<Tensor, Tensor> f, Tensor x) {
        return () -> AD.grad(f).apply(fresh(x));
    }

    private static double best(Supplier<?> s, int reps) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            sink = s.get();
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        return best;
    }
}
