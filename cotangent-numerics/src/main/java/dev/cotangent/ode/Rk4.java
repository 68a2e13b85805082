package dev.cotangent.ode;

import dev.cotangent.Tensor;
import java.util.function.BiFunction;

/** The classical Runge–Kutta method of order 4, x' = x + h/6 (k₁ + 2k₂ + 2k₃ + k₄), written with ops. */
final class Rk4 {
    private Rk4() {}

    /** One step of size h from x. */
    static Tensor step(BiFunction<Tensor, Tensor, Tensor> u, Tensor x, Tensor theta, double h) {
        Tensor k1 = Ode.derivative(u, x, theta);
        Tensor k2 = Ode.derivative(u, x.add(k1.mul(h / 2)), theta);
        Tensor k3 = Ode.derivative(u, x.add(k2.mul(h / 2)), theta);
        Tensor k4 = Ode.derivative(u, x.add(k3.mul(h)), theta);
        return x.add(k1.add(k4).add(k2.add(k3).mul(2)).mul(h / 6));
    }

    /**
     * How many of the {@code steps} equal-ish steps fall in each interval between consecutive output times (from
     * 0): in proportion to the interval's length, at least one for a non-empty interval.
     */
    static int[] counts(double[] times, int steps) {
        double span = times[times.length - 1];
        int[] n = new int[times.length];
        double from = 0;
        for (int j = 0; j < times.length; j++) {
            double len = times[j] - from;
            n[j] = len == 0 ? 0 : Math.max(1, (int) Math.round(steps * len / span));
            from = times[j];
        }
        return n;
    }

    /** The plan of a fixed-step integration (nothing rejected; four evaluations of u per step). */
    static StepPlan plan(double[] times, int steps) {
        int[] n = counts(times, steps);
        int total = 0;
        for (int c : n) total += c;
        double[] h = new double[total];
        int[] before = new int[times.length];
        double from = 0;
        for (int j = 0, k = 0; j < times.length; j++) {
            for (int i = 0; i < n[j]; i++) h[k++] = (times[j] - from) / n[j];
            before[j] = k;
            from = times[j];
        }
        return new StepPlan(h, before, 0, 4 * total);
    }

    /**
     * Throws if an output is NaN or infinite, naming the step where the trajectory first left the finite numbers
     * (found by running the steps again on the inputs' values). Skipped where there are no values (staging).
     */
    static void checkFinite(Tensor[] outputs, BiFunction<Tensor, Tensor, Tensor> u, Tensor x0, Tensor theta,
                            double[] times, int steps) {
        try {
            if (Dopri5.finite(outputs)) return;
        } catch (IllegalStateException noValues) {
            return;
        }
        StepPlan plan = plan(times, steps);
        Tensor x = Tensor.from(x0.value());
        Tensor th = Tensor.from(theta.value());
        double t = 0;
        for (double h : plan.stepSizes()) {
            Tensor next = step(u, x, th, h);
            if (!Dopri5.finite(new Tensor[] {next})) {
                throw new OdeException("ode: the rk4 step from t = " + t + " (step size " + h
                        + ") gave a NaN or infinite state", t, h);
            }
            x = next;
            t += h;
        }
        throw new OdeException("ode: rk4 gave a NaN or infinite state", t, plan.largestStep());
    }
}
