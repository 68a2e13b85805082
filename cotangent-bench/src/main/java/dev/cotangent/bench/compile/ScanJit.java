package dev.cotangent.bench.compile;

import dev.cotangent.AD;
import dev.cotangent.Checkpoints;
import dev.cotangent.Loop;
import dev.cotangent.Tensor;
import dev.cotangent.bench.workloads.Timer;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A scalar loop written with {@code Loop.scan} and jitted: K = 10⁴ steps of gradient descent on the 1-d
 * Rosenbrock term 100(θ − x²)² + (1 − x)², x_{k+1} = x_k − h(−400 x_k(θ − x_k²) − 2(1 − x_k)), a body of 0-d ops
 * staged once. Timed paired with the same loop in plain Java: the jitted value, and {@code jit(valueAndGrad)} of x_K
 * in (x₀, θ) and eager {@code valueAndGrad} (binomial checkpointing with 64 and with 8 states), checked against
 * the plain loop and its hand-derived gradient.
 * S1 itself cannot be written with {@code Loop.scan}: a step receives no per-step input x[i].
 */
final class ScanJit {
    private static final double H = 1e-4;

    private ScanJit() {}

    static void run(int steps, int snapshots, StringBuilder report) {
        BiFunction<Tensor, Tensor, Tensor> step = (x, th) -> {
            Tensor t = th.sub(x.mul(x));
            Tensor slope = x.mul(t).mul(-400).sub(x.neg().add(1).mul(2));
            return x.sub(slope.mul(H));
        };
        double x0 = 0.5;
        double theta = 1.2;
        Function<Tensor[], Tensor> loop = in -> Loop.scan(step, in[0], in[1], steps, Checkpoints.binomial(snapshots));
        Function<Tensor[], Tensor[]> value = AD.jit(in -> new Tensor[] {loop.apply(in)});
        Function<Tensor[], Tensor[]> vg = AD.jit(in -> {
            var r = AD.valueAndGrad(loop, in);
            return new Tensor[] {r.value(), r.grads().get(0), r.grads().get(1)};
        });
        Tensor[] args = {Tensor.scalar(x0), Tensor.scalar(theta)};
        double[] plain = plainWithGradient(x0, theta, steps);
        Tensor[] got = vg.apply(args);
        double v = value.apply(args)[0].item();
        for (int i = 0; i < 3; i++) {
            double g = got[i].item();
            if (Math.abs(g - plain[i]) > 1e-10 * (1 + Math.abs(plain[i]))) {
                throw new AssertionError("scan jit: result " + i + " is " + g + ", the hand-derived loop gives " + plain[i]);
            }
        }
        if (Math.abs(v - plain[0]) > 1e-12) throw new AssertionError("scan jit value " + v + " vs " + plain[0]);
        Runnable plainF = Timer.consume(() -> plainLoop(x0, theta, steps));
        Runnable jitted = Timer.consume(() -> value.apply(args)[0].item());
        Runnable jittedVg = Timer.consume(() -> vg.apply(args)[1].item());
        Timer.warm(plainF, 1);
        Timer.warm(jitted, 1);
        Runnable eagerVg = Timer.consume(() -> AD.valueAndGrad(loop, args).grads().get(1).item());
        Timer.warm(jittedVg, 1);
        Timer.warm(eagerVg, 1);
        double[] pv = Timer.paired(plainF, jitted, 11);
        double[] pg = Timer.paired(plainF, jittedVg, 11);
        double[] pe = Timer.paired(plainF, eagerVg, 5);
        report.append(String.format(Locale.ROOT,
                "scan K=%d scalar steps, binomial(%d): plain loop %.1f us; jitted scan %.3f ms = %.1fx plain; jit(valueAndGrad) %.3f ms = %.1fx plain; eager valueAndGrad %.1f ms = %.0fx plain%n",
                steps, snapshots, pv[0] * 1e6, pv[1] * 1e3, pv[2], pg[1] * 1e3, pg[2], pe[1] * 1e3, pe[2]));
    }

    static double plainLoop(double x, double theta, int steps) {
        for (int k = 0; k < steps; k++) x -= H * (-400 * x * (theta - x * x) - 2 * (1 - x));
        return x;
    }

    /** x_K and its derivatives in x₀ and θ by forward-mode recurrences written by hand. */
    static double[] plainWithGradient(double x, double theta, int steps) {
        double dx0 = 1;
        double dTheta = 0;
        for (int k = 0; k < steps; k++) {
            double dNextDx = 1 - H * (-400 * (theta - 3 * x * x) + 2);
            double dNextDTheta = -H * (-400 * x);
            dx0 = dNextDx * dx0;
            dTheta = dNextDx * dTheta + dNextDTheta;
            x -= H * (-400 * x * (theta - x * x) - 2 * (1 - x));
        }
        return new double[] {x, dx0, dTheta};
    }
}
