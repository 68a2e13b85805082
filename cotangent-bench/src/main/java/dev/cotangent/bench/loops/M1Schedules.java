package dev.cotangent.bench.loops;

import dev.cotangent.AD;
import dev.cotangent.Checkpoints;
import dev.cotangent.Loop;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.bench.workloads.Data;
import dev.cotangent.bench.workloads.Timer;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * M1b of WORKLOADS.md (x_{k+1} = tanh(W X_k), n = 256, K = 2000, B = 64; gradient of Σ X_K w.r.t. W) through
 * {@link Loop#scan} under all(), every(45) and binomial(8, 16, 32): each gradient checked against the check value,
 * timed in interleaved rounds (every schedule once per round; ratios are medians of per-round ratios to all()),
 * and the memory held for the backward sweep: measured tapes (savedBytes) and, for binomial(s), s states computed.
 */
final class M1Schedules {
    private M1Schedules() {}

    static void run(int rounds) {
        int n = 256;
        int k = 2000;
        int batch = 64;
        Tensor w = Tensor.from(Data.uniform(401, Math.sqrt(3.0 / n), n, n));
        Tensor x0 = Tensor.from(Data.uniform(402, 1, n, batch));
        long wBytes = 8L * n * n;
        long state = 8L * n * batch;
        BiFunction<Tensor, Tensor, Tensor> step = (x, ww) -> Ops.tanh(Ops.matmul(ww, x));
        List<Checkpoints> policies = List.of(Checkpoints.all(), Checkpoints.every(45), Checkpoints.binomial(8),
                Checkpoints.binomial(16), Checkpoints.binomial(32));
        int m = policies.size();
        long[] bytes = new long[m];
        long oneStep = AD.vjp(ww -> step.apply(x0, ww).sum(), w).savedBytes() - wBytes;
        long segment = AD.vjp(ww -> Loop.scan(step, x0, ww, 45, Checkpoints.all()).sum(), w).savedBytes() - wBytes;
        for (int i = 0; i < m; i++) {
            Checkpoints p = policies.get(i);
            Function<Tensor, Tensor> f = loss(step, x0, k, p);
            double norm = Ops.norm(AD.grad(f).apply(w)).item();
            if (Math.abs(norm - 27828.88756) > 1e-6 * 27828.88756) throw new AssertionError(p + ": |dW| = " + norm);
            long outer = AD.vjp(f, w).savedBytes();
            bytes[i] = switch (p.kind()) {
                case ALL -> outer;
                case EVERY -> outer + segment;
                case BINOMIAL -> outer + p.parameter() * state + oneStep;
            };
        }
        double[][] t = new double[m][rounds];
        double[][] ratio = new double[m][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < m; i++) {
                Function<Tensor, Tensor> f = loss(step, x0, k, policies.get(i));
                long t0 = System.nanoTime();
                Timer.sink = AD.grad(f).apply(w).toArray()[0];
                t[i][r] = (System.nanoTime() - t0) / 1e9;
            }
            for (int i = 0; i < m; i++) ratio[i][r] = t[i][r] / t[0][r];
        }
        double plain = Timer.med(t[0]);
        Loops.print(String.format(Locale.ROOT, "M1 B=64 through Loop.scan (%d interleaved rounds; |dW| checked): "
                + "all() %.2f s (%.2f–%.2f), tape %.1f MiB%n", rounds, plain, min(t[0]), max(t[0]), bytes[0] / 1048576.0));
        for (int i = 1; i < m; i++) {
            Checkpoints p = policies.get(i);
            double theory = 1 + p.recomputedSteps(k) / (double) k;
            String extra = p.kind() == Checkpoints.Kind.BINOMIAL ? String.format(Locale.ROOT,
                    "; %d recomputed steps, 1 + rec/K = %.2f, measured ÷ (theory × plain) = %.2f (per round %.2f–%.2f)",
                    p.recomputedSteps(k), theory, Timer.med(ratio[i]) / theory, min(ratio[i]) / theory,
                    max(ratio[i]) / theory) : "";
            Loops.print(String.format(Locale.ROOT, "  %-13s %.2f s (%.2f–%.2f), ÷ all() %.2f (%.2f–%.2f); memory %.2f "
                    + "MiB = %.3f × all()%s%n", p, Timer.med(t[i]), min(t[i]), max(t[i]), Timer.med(ratio[i]),
                    min(ratio[i]), max(ratio[i]), bytes[i] / 1048576.0, bytes[i] / (double) bytes[0], extra));
        }
    }

    private static Function<Tensor, Tensor> loss(BiFunction<Tensor, Tensor, Tensor> step, Tensor x0, int k,
                                                 Checkpoints p) {
        return ww -> Loop.scan(step, x0, ww, k, p).sum();
    }

    static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) m = Math.min(m, v);
        return m;
    }

    static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) m = Math.max(m, v);
        return m;
    }
}
