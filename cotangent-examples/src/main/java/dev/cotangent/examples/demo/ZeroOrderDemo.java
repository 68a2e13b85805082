package dev.cotangent.examples.demo;

import dev.cotangent.Tensor;
import dev.cotangent.estimate.CountingLoss;
import dev.cotangent.estimate.FiniteDifference;
import dev.cotangent.estimate.TwoPoint;
import dev.cotangent.examples.report.Plots;
import dev.cotangent.nn.Params;
import dev.cotangent.nn.optim.Descent;
import dev.cotangent.nn.optim.GradientDescent;
import dev.cotangent.optim.Objective;
import dev.cotangent.tensor.NDArray;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The curse of dimensionality of zero-order methods (the lecture's table): on f(x) = ½ Σ λ_i x_i² with λ_i
 * from μ = 1 to L = 10, gradient descent with the AD gradient (step 1/L), with the central finite-difference
 * gradient (step 1/L, 2d evaluations per step) and with the two-point estimator (step 1/(dL), 2 evaluations
 * per step), for d = 10, 100, 1000. The measured linear rate ρ (f_k ≈ f_0 e^{−ρk}, a least-squares fit of
 * ln f_k) shows the factor-of-d slowdown: per step for the two-point estimator, per evaluation for finite
 * differences.
 */
public final class ZeroOrderDemo {
    static final double MU = 1.0;
    static final double L = 10.0;

    private ZeroOrderDemo() {}

    /** One method's run: f(x_k) per step, the evaluations per step, and the fitted rate per step. */
    record Run(double[] values, double evalsPerStep, double ratePerStep) {
        double ratePerEvaluation() {
            return ratePerStep / evalsPerStep;
        }
    }

    public static String run(Path out, PrintStream log, boolean quick) {
        int[] dims = quick ? new int[] {4, 16} : new int[] {10, 100, 1000};
        List<double[]> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format(
                "%6s %12s %12s %12s %12s %12s %10s%n", "d", "GD rate", "FD rate", "FD rate/eval", "2pt rate",
                "2pt rate/eval", "GD/2pt"));
        long t0 = System.nanoTime();
        for (int d : dims) {
            double[] lam = NDArray.linspace(MU, L, d).toArray();
            Tensor lamT = Tensor.of(lam);
            Function<Map<String, Tensor>, Tensor> loss = p -> p.get("x").square().mul(lamT).sum().mul(0.5);
            NDArray x0 = NDArray.normal(new SplittableRandom(100 + d), 0, 1, d);
            x0 = x0.div(NDArray.scalar(Math.sqrt(x0.mul(x0).sum().item())));
            Map<String, Tensor> start = Params.of("x", Tensor.from(x0));

            Run gd = descend(Objective.autodiff(loss), 1 / L, start, 100, lam, 1.0);
            CountingLoss fdLoss = new CountingLoss(loss);
            int fdSteps = quick ? 40 : 100;
            Run fd = descend(FiniteDifference.objective(fdLoss, 1e-4, FiniteDifference.Scheme.CENTRAL), 1 / L, start,
                    fdSteps, lam, 2.0 * d);
            CountingLoss tpLoss = new CountingLoss(loss);
            int tpSteps = 40 * d;
            Run tp = descend(new TwoPoint(tpLoss, 1e-4, 5 + d), 1 / (d * L), start, tpSteps, lam, 2.0);
            check(fdLoss.count(), 2L * d * fdSteps, "finite differences");
            check(tpLoss.count(), 2L * tpSteps, "two-point");

            Map<String, Plots.Series> curves = new LinkedHashMap<>();
            curves.put("GD (one AD gradient per step)", perEvaluation(gd, 1.0));
            curves.put("central differences (2d evaluations per step)", perEvaluation(fd, 2.0 * d));
            curves.put("two-point (2 evaluations per step)", perEvaluation(tp, 2.0));
            // GD pays ~100 gradients, the estimators thousands of evaluations: a logarithmic cost axis shows all
            Plots.lines(out.resolve("zero-order-d" + d + ".png"), "d = " + d + ": f(x_k) against cost",
                    "function evaluations (GD: gradients), log scale", "f(x_k) - f*", downsample(curves), true, true);
            rows.add(new double[] {d, gd.ratePerStep(), fd.ratePerStep(), fd.ratePerEvaluation(), tp.ratePerStep(),
                tp.ratePerEvaluation()});
            table.append(String.format("%6d %12.4e %12.4e %12.4e %12.4e %12.4e %10.1f%n", d, gd.ratePerStep(),
                    fd.ratePerStep(), fd.ratePerEvaluation(), tp.ratePerStep(), tp.ratePerEvaluation(),
                    gd.ratePerStep() / tp.ratePerStep()));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Plots.Series> rates = new LinkedHashMap<>();
        rates.put("GD, per step", column(rows, 1));
        rates.put("finite differences, per step (equal to GD's: the same steps)", column(rows, 2));
        rates.put("finite differences, per evaluation", column(rows, 3));
        rates.put("two-point, per step", column(rows, 4));
        double[] ref = new double[rows.size()];
        for (int i = 0; i < ref.length; i++) ref[i] = rows.get(0)[1] * rows.get(0)[0] / rows.get(i)[0];
        rates.put("GD rate x d0/d (slope -1)", new Plots.Series(column(rows, 0).y(), ref));
        Plots.lines(out.resolve("zero-order-rates.png"), "Measured linear rate against dimension d", "d",
                "rate ρ (f_k ≈ f_0 exp(-ρ k))", rates, true, true);
        double[] first = rows.get(0);
        double[] last = rows.get(rows.size() - 1);
        double fall = first[4] / last[4];
        return String.format("zero-order (f = ½Σλ_i x_i², λ in [1, 10], d = %s): measured rates per step%n%s"
                        + "from d=%d to d=%d (x%.0f) the two-point rate per step falls x%.1f (theory: x d); "
                        + "finite differences keep GD's rate per step but pay 2d evaluations per step; %.1f s; "
                        + "plots zero-order-rates.png, zero-order-d<d>.png",
                java.util.Arrays.toString(dims), table, (int) first[0], (int) last[0], last[0] / first[0], fall, seconds);
    }

    private static Run descend(Objective f, double step, Map<String, Tensor> start, int steps, double[] lam,
                               double evalsPerStep) {
        double[] values = new double[steps + 1];
        Map<String, Tensor> end = Descent.run(f, new GradientDescent(step), start, steps, (t, p, v) -> {
            values[t] = exact(p, lam);
            return true;
        });
        values[steps] = exact(end, lam);
        return new Run(values, evalsPerStep, fitRate(values));
    }

    /** −slope of the least-squares line through (k, ln f_k), over the steps where f_k is above round-off. */
    static double fitRate(double[] f) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int k = 0; k < f.length; k++) {
            if (!(f[k] > 1e-26 * f[0])) break;
            double y = Math.log(f[k]);
            sx += k;
            sy += y;
            sxx += (double) k * k;
            sxy += k * y;
            n++;
        }
        return -(n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    private static double exact(Map<String, Tensor> p, double[] lam) {
        double[] x = p.get("x").value().unsafeData();
        double s = 0;
        for (int i = 0; i < x.length; i++) s += 0.5 * lam[i] * x[i] * x[i];
        return s;
    }

    private static Plots.Series perEvaluation(Run r, double evalsPerStep) {
        double[] x = new double[r.values().length];
        for (int k = 0; k < x.length; k++) x[k] = k * evalsPerStep;
        return new Plots.Series(x, r.values());
    }

    private static Map<String, Plots.Series> downsample(Map<String, Plots.Series> in) {
        Map<String, Plots.Series> out = new LinkedHashMap<>();
        for (Map.Entry<String, Plots.Series> e : in.entrySet()) {
            Plots.Series s = e.getValue();
            int stride = Math.max(1, s.x().length / 400);
            int m = (s.x().length + stride - 1) / stride;
            double[] x = new double[m];
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                x[i] = s.x()[i * stride];
                y[i] = s.y()[i * stride];
            }
            out.put(e.getKey(), new Plots.Series(x, y));
        }
        return out;
    }

    private static Plots.Series column(List<double[]> rows, int c) {
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.get(i)[0];
            y[i] = rows.get(i)[c];
        }
        return new Plots.Series(x, y);
    }

    private static void check(long counted, long expected, String what) {
        if (counted != expected) {
            throw new IllegalStateException(what + ": " + counted + " evaluations, expected " + expected);
        }
    }
}
