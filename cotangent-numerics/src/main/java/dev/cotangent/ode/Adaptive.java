package dev.cotangent.ode;

import dev.cotangent.Tensor;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The adaptive driver of {@link Dopri5}: Hairer's step-size control (DOPRI5's defaults: safety 0.9, the new step
 * between 0.2 and 10 times the old, Lund stabilisation β = 0.04 on the exponent 1/5 − 0.75β, no growth right after
 * a rejection), his initial step selection (II.4), and output times hit exactly by shortening the step that would
 * pass them. It integrates forward in its own variable s from 0; a {@code clock} maps s to the problem's time for
 * messages (the adjoint runs backwards). Step sizes are decided on values ({@link Tensor#value()}: the primal a
 * tracer carries), so under a transform they are constants, not functions of the inputs.
 */
final class Adaptive {
    static final double SAFETY = 0.9;
    static final double MIN_FACTOR = 0.2;
    static final double MAX_FACTOR = 10;
    static final double BETA = 0.04;
    private static final double EXPONENT = 0.2 - BETA * 0.75;

    private Adaptive() {}

    /** Called at each output time with the state there; returns the state to continue from. */
    @FunctionalInterface
    interface Outputs {
        Tensor[] reached(int index, Tensor[] y);
    }

    /** The problem being integrated, for messages: its name and the map from s to its time. */
    record Clock(String what, DoubleUnaryOperator time) {
        static final Clock FORWARD = new Clock("ode", s -> s);

        double at(double s) {
            return time.applyAsDouble(s);
        }
    }

    /**
     * Integrates y' = F(y) from y0 at s = 0 through the output times (increasing, ≥ 0), calling {@code out} at
     * each; returns the accepted steps.
     */
    static StepPlan integrate(Field f, Tensor[] y0, double[] times, double rtol, double atol, int maxSteps,
                              Outputs out, Clock clock) {
        double[] steps = new double[16];
        int accepted = 0;
        int[] before = new int[times.length];
        int j = 0;
        Tensor[] y = y0;
        while (j < times.length && times[j] == 0) y = out.reached(j++, y);
        if (j == times.length) return new StepPlan(new double[0], before, 0, 0);
        Tensor[] k1 = f.at(y);
        int evaluations = 1;
        if (!Dopri5.finite(k1)) throw nonFinite(clock, 0, 0, "the derivative at the initial state");
        double span = times[times.length - 1];
        double h = initialStep(f, y, k1, rtol, atol, span);
        evaluations++;
        double t = 0;
        double facOld = 1e-4;
        boolean rejectedLast = false;
        boolean lastWasNonFinite = false;
        int rejected = 0;
        int attempts = 0;
        while (true) {
            double target = times[j];
            double hMin = 16 * Math.ulp(Math.max(Math.abs(t), Math.abs(target)));
            if (attempts++ >= maxSteps) {
                throw new OdeException(clock.what() + ": more than " + maxSteps + " steps (accepted " + accepted
                        + ", rejected " + rejected + "); reached t = " + clock.at(t) + " with step size " + h
                        + " (a stiff problem, or raise withMaxSteps)", clock.at(t), h);
            }
            if (h < hMin) {
                throw new OdeException(clock.what() + ": step size underflow at t = " + clock.at(t) + " (step size "
                        + h + ")" + (lastWasNonFinite ? ": the derivative is NaN or infinite just past this point"
                        : ": the problem is stiff or singular there"), clock.at(t), h);
            }
            boolean last = t + 1.01 * h >= target;
            double hStep = last ? target - t : h;
            Dopri5.Trial trial = Dopri5.step(f, y, k1, hStep, true);
            evaluations += 6;
            double err = Dopri5.errorNorm(trial.error(), y, trial.y(), rtol, atol);
            if (Double.isNaN(err)) { // a stage left the domain of F, or overflowed: shrink as much as allowed
                lastWasNonFinite = true;
                rejectedLast = true;
                rejected++;
                h = hStep * MIN_FACTOR;
                continue;
            }
            lastWasNonFinite = false;
            double fac11 = Math.pow(err, EXPONENT);
            if (err <= 1) {
                double fac = fac11 / Math.pow(facOld, BETA);
                fac = Math.max(1 / MAX_FACTOR, Math.min(1 / MIN_FACTOR, fac / SAFETY));
                double hNew = Math.min(hStep / fac, span);
                if (rejectedLast) hNew = Math.min(hNew, hStep);
                facOld = Math.max(err, 1e-4);
                rejectedLast = false;
                if (accepted == steps.length) steps = Arrays.copyOf(steps, 2 * accepted);
                steps[accepted++] = hStep;
                t = last ? target : t + hStep;
                y = trial.y();
                k1 = trial.k7();
                // a clipped last step says little about the next: keep the larger of the two proposals
                h = last ? Math.max(hNew, h) : hNew;
                if (last) {
                    before[j] = accepted;
                    Tensor[] next = out.reached(j++, y);
                    if (j == times.length) break;
                    if (next != y) {
                        y = next;
                        k1 = f.at(y);
                        evaluations++;
                    }
                }
            } else {
                h = hStep / Math.min(1 / MIN_FACTOR, fac11 / SAFETY);
                rejectedLast = true;
                rejected++;
            }
        }
        return new StepPlan(Arrays.copyOf(steps, accepted), before, rejected, evaluations);
    }

    /**
     * Hairer's initial step (HNW I, II.4; his HINIT with order 5): h₀ = 0.01‖y₀‖/‖F(y₀)‖, one explicit Euler step
     * to estimate the second derivative, then h = min(100h₀, (0.01 / max(‖F'‖, ‖F‖))^{1/5}), never past the span.
     */
    static double initialStep(Field f, Tensor[] y, Tensor[] k1, double rtol, double atol, double span) {
        double dny = Dopri5.scaledNorm(y, y, rtol, atol);
        double dnf = Dopri5.scaledNorm(k1, y, rtol, atol);
        double h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : 0.01 * dny / dnf;
        h = Math.min(h, span);
        Tensor[] y1 = Dopri5.combine(y, h, new double[] {1}, new Tensor[][] {k1});
        Tensor[] f1 = f.at(y1);
        Tensor[] diff = new Tensor[f1.length];
        for (int i = 0; i < diff.length; i++) diff[i] = f1[i].sub(k1[i]);
        double der2 = Dopri5.scaledNorm(diff, y, rtol, atol) / h;
        double der12 = Math.max(Math.abs(der2), dnf);
        double h1 = der12 <= 1e-15 || Double.isNaN(der12) ? Math.max(1e-6, h * 1e-3) : Math.pow(0.01 / der12, 0.2);
        return Math.min(Math.min(100 * h, h1), span);
    }

    static OdeException nonFinite(Clock clock, double t, double h, String what) {
        return new OdeException(clock.what() + ": " + what + " is NaN or infinite at t = " + clock.at(t)
                + (h > 0 ? " (step size " + h + ")" : ""), clock.at(t), h);
    }
}
