package dev.cotangent.bench.loops;

import dev.cotangent.AD;
import dev.cotangent.Loop;
import dev.cotangent.Tensor;
import dev.cotangent.bench.workloads.Data;
import dev.cotangent.bench.workloads.Timer;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@link Loop#leapfrog} reversed in the backward sweep, K = 10³ … 10⁵: the gradient's time ÷ the forward pass's
 * (paired), and the memory it holds (the outer tape, measured, plus one step's tapes of u and v, measured, plus
 * four states, computed, and the restart states if any) against storing every state (measured where it fits). Two systems: the lecture's
 * pendulum ẋ = y, ẏ = −θ sin x on n = 1000 independent coordinates (elementwise, gradient w.r.t. the scalar θ), and
 * the coupling x ← x + tanh(W y), y ← y + tanh(W x) with n = 256 (gradient w.r.t. W, as in the memory demo).
 */
final class LeapfrogBench {
    private LeapfrogBench() {}

    static void run(int reps) {
        int n = 1000;
        Tensor x0 = Tensor.from(Data.uniform(402, 1, n));
        Tensor y0 = Tensor.from(Data.uniform(403, 1, n));
        BiFunction<Tensor, Tensor, Tensor> u = (y, th) -> y.mul(1);
        BiFunction<Tensor, Tensor, Tensor> v = (x, th) -> x.sin().mul(th).neg();
        for (int k : new int[] {1_000, 10_000, 100_000}) {
            measure("pendulum n=1000, τ=0.01", u, v, x0, y0, Tensor.scalar(1.7), 0.01, k, 0, k <= 10_000, reps);
        }
        int m = 256;
        Tensor w = Tensor.from(Data.uniform(401, Math.sqrt(3.0 / m), m, m));
        Tensor c0 = Tensor.from(Data.uniform(402, 1, m));
        BiFunction<Tensor, Tensor, Tensor> coupling = (s, ww) -> ww.matmul(s).tanh();
        // this map is chaotic: reversal drifts past 10⁴ steps, so there the sweep restarts from every 1000th state
        measure("coupling tanh(W·) n=256, τ=1", coupling, coupling, c0, c0, w, 1.0, 1_000, 0, true, reps);
        measure("coupling tanh(W·) n=256, τ=1", coupling, coupling, c0, c0, w, 1.0, 10_000, 1_000, false, reps);
    }

    private static void measure(String name, BiFunction<Tensor, Tensor, Tensor> u, BiFunction<Tensor, Tensor, Tensor> v,
                                Tensor x0, Tensor y0, Tensor theta, double tau, int k, int storeEvery, boolean store,
                                int reps) {
        Function<Tensor, Tensor> reversed = th -> {
            Tensor[] r = Loop.leapfrog(u, v, x0, y0, th, tau, k, storeEvery);
            return r[0].sum().add(r[1].sum());
        };
        Runnable forward = Timer.consume(() -> Loop.leapfrog(u, v, x0, y0, theta, tau, k)[0].toArray()[0]);
        Runnable gradient = Timer.consume(() -> AD.grad(reversed).apply(theta).toArray()[0]);
        long state = 8L * x0.size();
        long thetaBytes = 8L * theta.size();
        long stepTapes = AD.vjp(th -> u.apply(y0, th).sum(), theta).savedBytes()
                + AD.vjp(th -> v.apply(x0, th).sum(), theta).savedBytes() - 2 * thetaBytes;
        long restarts = storeEvery > 0 ? 2L * state * ((k + storeEvery - 1) / storeEvery + 1) : 0;
        long held = AD.vjp(reversed, theta).savedBytes() + stepTapes + 4 * state + restarts;
        gradient.run();
        Timer.warm(forward, 0.5);
        double[] p = Timer.paired(forward, gradient, reps);
        String stored = "";
        if (store) {
            Function<Tensor, Tensor> all = th -> {
                Tensor x = x0;
                Tensor y = y0;
                for (int i = 0; i < k; i++) {
                    x = x.add(u.apply(y, th).mul(tau));
                    y = y.add(v.apply(x, th).mul(tau));
                }
                return x.sum().add(y.sum());
            };
            double gap = OdeBench.relative(AD.grad(all).apply(theta).toArray(), AD.grad(reversed).apply(theta).toArray());
            stored = String.format(Locale.ROOT, "; storing every state keeps %.2f MiB (gradients agree to %.1e)",
                    AD.vjp(all, theta).savedBytes() / 1048576.0, gap);
        }
        Loops.print(String.format(Locale.ROOT, "leapfrog %s, K=%d%s: forward %.1f ms, gradient %.1f ms, ratio %.2f "
                        + "(paired median); memory held %.3f MiB%s%n", name, k,
                storeEvery > 0 ? " (reversal restarted from every " + storeEvery + "th state)" : "", p[0] * 1e3, p[1] * 1e3, p[2],
                held / 1048576.0, stored));
    }
}
