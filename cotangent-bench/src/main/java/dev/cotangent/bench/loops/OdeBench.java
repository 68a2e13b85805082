package dev.cotangent.bench.loops;

import dev.cotangent.AD;
import dev.cotangent.Checkpoints;
import dev.cotangent.Tensor;
import dev.cotangent.bench.workloads.Data;
import dev.cotangent.bench.workloads.Timer;
import dev.cotangent.ode.Ode;
import dev.cotangent.ode.OdeOptions;
import dev.cotangent.ode.OdeOptions.Gradient;
import dev.cotangent.ode.StepPlan;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The ODE solvers of cotangent-numerics on u(x, W) = tanh(W x), x(0) = uniform(402), W = uniform(401, √(3/n)),
 * t1 = 1: the forward solve against {@link PlainOde} (the same steps on double[]), paired; and DISCRETE vs ADJOINT
 * gradients as the tolerance tightens: steps, the tape reverse mode keeps, time.
 */
final class OdeBench {
    private OdeBench() {}

    static final BiFunction<Tensor, Tensor, Tensor> U = (x, w) -> w.matmul(x).tanh();

    static void forward(int n, int reps) {
        Tensor w = Tensor.from(Data.uniform(401, Math.sqrt(3.0 / n), n, n));
        Tensor x0 = Tensor.from(Data.uniform(402, 1, n));
        PlainOde plain = new PlainOde(w.toArray(), n);
        double[] x0d = x0.toArray();

        int steps = 100;
        OdeOptions rk4 = OdeOptions.rk4(steps);
        double gap = maxAbs(Ode.solve(U, x0, w, 1.0, rk4).toArray(), plain.rk4(x0d, 1.0, steps));
        if (gap > 1e-12) throw new AssertionError("rk4: engine and plain Java differ by " + gap);
        Runnable a = Timer.consume(() -> plain.rk4(x0d, 1.0, steps)[0]);
        Runnable b = Timer.consume(() -> Ode.solve(U, x0, w, 1.0, rk4).toArray()[0]);
        Timer.warm(a, 1);
        Timer.warm(b, 1);
        double[] p = Timer.paired(a, b, reps);
        Loops.print(String.format(Locale.ROOT, "ode forward n=%d RK4 %d steps: plain Java %.1f µs, Ode.solve %.1f µs, "
                + "ratio %.2f (paired median; results agree to %.1e)%n", n, steps, p[0] * 1e6, p[1] * 1e6, p[2], gap));

        double tol = 1e-8;
        OdeOptions dp = OdeOptions.dopri5(tol, tol);
        int[] acc = new int[1];
        double[] want = plain.dopri5(x0d, 1.0, tol, tol, acc);
        StepPlan plan = Ode.plan(U, x0, w, new double[] {1.0}, dp);
        double gap2 = maxAbs(Ode.solve(U, x0, w, 1.0, dp).toArray(), want);
        if (gap2 > 1e-10 || acc[0] != plan.accepted()) {
            throw new AssertionError("dopri5: engine " + plan.accepted() + " steps, plain " + acc[0] + ", gap " + gap2);
        }
        Runnable c = Timer.consume(() -> plain.dopri5(x0d, 1.0, tol, tol, new int[1])[0]);
        Runnable d = Timer.consume(() -> Ode.solve(U, x0, w, 1.0, dp).toArray()[0]);
        Timer.warm(c, 1);
        Timer.warm(d, 1);
        double[] q = Timer.paired(c, d, reps);
        Loops.print(String.format(Locale.ROOT, "ode forward n=%d DOPRI5 tol %.0e (%d steps, %d rejected): plain Java "
                + "%.1f µs, Ode.solve %.1f µs, ratio %.2f (paired median; results agree to %.1e)%n", n, tol,
                plan.accepted(), plan.rejected(), q[0] * 1e6, q[1] * 1e6, q[2], gap2));
    }

    /** DISCRETE (all() and binomial(4)) vs ADJOINT as the tolerance tightens, n = 32: loss = Σ x(1). */
    static void gradients(int reps) {
        int n = 32;
        Tensor w = Tensor.from(Data.uniform(401, Math.sqrt(3.0 / n), n, n));
        Tensor x0 = Tensor.from(Data.uniform(402, 1, n));
        double[] exact = AD.grad(loss(x0, OdeOptions.dopri5(1e-12, 1e-12))).apply(w).toArray();
        for (double tol : new double[] {1e-4, 1e-6, 1e-8, 1e-10}) {
            OdeOptions o = OdeOptions.dopri5(tol, tol);
            StepPlan plan = Ode.plan(U, x0, w, new double[] {1.0}, o);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "ode gradient n=%d tol %.0e (%d steps):", n, tol, plan.accepted()));
            for (OdeOptions v : new OdeOptions[] {o, o.withCheckpoints(Checkpoints.binomial(4)),
                    o.withGradient(Gradient.ADJOINT)}) {
                Function<Tensor, Tensor> f = loss(x0, v);
                long bytes = AD.vjp(f, w).savedBytes();
                double err = relative(AD.grad(f).apply(w).toArray(), exact);
                Runnable r = Timer.consume(() -> AD.grad(f).apply(w).toArray()[0]);
                Timer.warm(r, 0.5);
                double t = Timer.median(r, reps);
                String name = v.gradient() == Gradient.ADJOINT ? "ADJOINT" : "DISCRETE " + v.checkpoints();
                line.append(String.format(Locale.ROOT, " %s %.2f ms, tape %.1f KiB, error %.1e;", name, t * 1e3,
                        bytes / 1024.0, err));
            }
            Loops.print(line + "\n");
        }
    }

    private static Function<Tensor, Tensor> loss(Tensor x0, OdeOptions o) {
        return w -> Ode.solve(U, x0, w, 1.0, o).sum();
    }

    static double maxAbs(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    static double relative(double[] a, double[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }
        return Math.sqrt(num / den);
    }
}
