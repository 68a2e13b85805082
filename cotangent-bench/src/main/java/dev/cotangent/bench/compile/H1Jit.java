package dev.cotangent.bench.compile;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.bench.workloads.H1Problem;
import dev.cotangent.bench.workloads.Timer;
import dev.cotangent.kernel.UnaryKernel;
import java.util.Locale;
import java.util.function.Function;

/**
 * H1 jitted: the Hessian-vector product of the logistic loss f(w) = mean(softplus(−y ⊙ A w)), 1000×1000, compiled
 * (forward-over-reverse), paired with the analytic HVP Aᵀ(σ(z)(1−σ(z)) ⊙ A v)/N, z = −y ⊙ A w, written in plain
 * Java loops.
 */
final class H1Jit {
    private H1Jit() {}

    static void run(StringBuilder report) {
        int n = 1000;
        H1Problem p = H1Problem.of(n);
        Tensor a = p.a();
        double[] y = p.y();
        Tensor w = p.w();
        Tensor v = p.v();
        Function<Tensor, Tensor> f = p.f();
        Function<Tensor[], Tensor[]> body = in -> new Tensor[] {AD.hvp(f, in[0], in[1])};
        Function<Tensor[], Tensor[]> hvp = AD.jit(body);
        double[] hj = hvp.apply(new Tensor[] {w, v})[0].toArray();
        double[] av = a.value().unsafeData();
        double[] hm = analytic(av, y, w.toArray(), v.toArray(), n);
        double maxRel = 0;
        for (int i = 0; i < n; i++) maxRel = Math.max(maxRel, Math.abs(hj[i] - hm[i]) / Math.abs(hm[i]));
        if (maxRel > 1e-10) throw new AssertionError("H1 jitted HVP differs from the analytic one by " + maxRel);
        double[] wa = w.toArray();
        double[] va = v.toArray();
        Runnable manual = Timer.consume(() -> analytic(av, y, wa, va, n)[0]);
        Runnable jitted = Timer.consume(() -> hvp.apply(new Tensor[] {w, v})[0].value().unsafeData()[0]);
        Runnable eager = Timer.consume(() -> AD.hvp(f, w, v).value().unsafeData()[0]);
        Timer.warm(manual, 1);
        Timer.warm(jitted, 1);
        Timer.warm(eager, 1);
        double[] pj = Timer.paired(manual, jitted, 15);
        double[] pe = Timer.paired(manual, eager, 15);
        double compileMs = JitBench.compileMs(body, new Tensor[] {w, v});
        report.append(String.format(Locale.ROOT,
                "H1: analytic HVP in plain Java %.0f us; jitted HVP (forward-over-reverse) %.0f us = %.2fx analytic; eager HVP %.0f us = %.2fx analytic; max relative difference %.1e; staging + compile %.0f ms%n",
                pj[0] * 1e6, pj[1] * 1e6, pj[2], pe[1] * 1e6, pe[2], maxRel, compileMs));
    }

    /** Aᵀ(σ(z)(1−σ(z)) ⊙ A v)/N with z = −y ⊙ A w: two passes over A, plain loops. */
    static double[] analytic(double[] a, double[] y, double[] w, double[] v, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double aw = 0;
            double avi = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                aw += a[row + j] * w[j];
                avi += a[row + j] * v[j];
            }
            double s = UnaryKernel.sigmoid(-y[i] * aw);
            t[i] = s * (1 - s) * avi / n;
        }
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            double ti = t[i];
            int row = i * n;
            for (int j = 0; j < n; j++) h[j] += a[row + j] * ti;
        }
        return h;
    }
}
