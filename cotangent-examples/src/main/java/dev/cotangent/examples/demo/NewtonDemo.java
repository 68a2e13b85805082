package dev.cotangent.examples.demo;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.examples.report.Plots;
import dev.cotangent.nn.Losses;
import dev.cotangent.optim.Newton;
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
 * Logistic regression, f(w) = mean(log(1 + e^{x·w}) − y x·w) + (λ/2)‖w‖², on seeded synthetic data with
 * features of different scales: Newton with the exact Hessian ({@link AD#hessian}), Newton–CG on Hessian-vector
 * products ({@link AD#hvp}) and gradient descent with step 1/L, each until ‖w_k − w*‖ < 1e-10. Newton's errors
 * fall quadratically (e_{k+1}/e_k² stays bounded); gradient descent's fall linearly.
 */
public final class NewtonDemo {
    static final double TOL = 1e-10;

    private NewtonDemo() {}

    public static String run(Path out, PrintStream log, boolean quick) {
        int n = quick ? 100 : 500;
        int d = quick ? 4 : 10;
        double lambda = 1e-3;
        SplittableRandom rng = new SplittableRandom(5);
        double[] x = new double[n * d];
        double[] wTrue = new double[d];
        for (int j = 0; j < d; j++) wTrue[j] = rng.nextGaussian();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double scale = j == 0 ? 1.0 : 0.1 + 1.9 * j / (d - 1); // column 0 is the intercept
                x[i * d + j] = j == 0 ? 1.0 : scale * rng.nextGaussian();
                s += x[i * d + j] * wTrue[j] / Math.max(0.1, scale);
            }
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-s)) ? 1.0 : 0.0;
        }
        Tensor xt = Tensor.of(new int[] {n, d}, x);
        Tensor yt = Tensor.of(y);
        Function<Tensor, Tensor> f = w -> Losses.logistic(xt.matmul(w), yt).add(w.square().sum().mul(0.5 * lambda));

        long t0 = System.nanoTime();
        List<double[]> newton = new ArrayList<>();
        Tensor w = Tensor.zeros(d);
        newton.add(w.toArray());
        for (int k = 0; k < 50; k++) {
            Tensor next = Newton.step(f, w);
            newton.add(next.toArray());
            if (dist(next.toArray(), w.toArray()) < 1e-15 * (1 + norm(next.toArray()))) break;
            w = next;
        }
        double newtonSeconds = (System.nanoTime() - t0) / 1e9;
        double[] wStar = newton.get(newton.size() - 1);
        double[] eNewton = errors(newton, wStar);
        int newtonIters = firstBelow(eNewton);

        List<double[]> cg = new ArrayList<>();
        Tensor v = Tensor.zeros(d);
        cg.add(v.toArray());
        for (int k = 0; k < 50 && dist(v.toArray(), wStar) >= TOL; k++) {
            v = Newton.cgStep(f, v, 1e-12);
            cg.add(v.toArray());
        }
        double[] eCg = errors(cg, wStar);

        // The Hessian is largest at w = 0 (σ' ≤ 1/4 there), so its top eigenvalue bounds L: power iteration on hvp.
        Tensor zero = Tensor.zeros(d);
        Tensor u = Tensor.ones(d);
        double lip = 0;
        for (int it = 0; it < 100; it++) {
            Tensor hu = AD.hvp(f, zero, u);
            lip = Math.sqrt(hu.square().sum().item());
            u = hu.div(lip);
        }
        long t1 = System.nanoTime();
        List<Double> eGd = new ArrayList<>();
        Function<Tensor, Tensor> grad = AD.grad(f);
        Tensor g = Tensor.zeros(d);
        int maxGd = quick ? 20000 : 200000;
        eGd.add(dist(g.toArray(), wStar));
        while (eGd.get(eGd.size() - 1) >= TOL && eGd.size() <= maxGd) {
            g = g.sub(grad.apply(g).mul(1 / lip));
            eGd.add(dist(g.toArray(), wStar));
        }
        double gdSeconds = (System.nanoTime() - t1) / 1e9;
        int gdIters = eGd.get(eGd.size() - 1) < TOL ? eGd.size() - 1 : -1;

        StringBuilder table = new StringBuilder(String.format("%4s %14s %14s%n", "k", "‖w_k − w*‖", "e_k / e_{k-1}²"));
        for (int k = 0; k < eNewton.length; k++) {
            // Below ~1e-13 the error is round-off against w* (itself the last iterate): no ratio there.
            String ratio = k > 0 && eNewton[k] > 1e-13 && eNewton[k - 1] > 1e-13
                    ? String.format("%14.4g", eNewton[k] / (eNewton[k - 1] * eNewton[k - 1]))
                    : String.format("%14s", k > 0 && eNewton[k] <= 1e-13 ? "(round-off)" : "");
            table.append(String.format("%4d %14.4e %s%n", k, eNewton[k], ratio));
        }
        // Newton takes ~7 iterations, gradient descent ~2000: a logarithmic iteration axis shows both (from k + 1 = 1)
        Map<String, Plots.Series> curves = new LinkedHashMap<>();
        curves.put("Newton (exact Hessian)", fromOne(eNewton));
        curves.put("Newton-CG (Hessian-vector products)", fromOne(eCg));
        double[] gdArr = eGd.stream().mapToDouble(Double::doubleValue).toArray();
        curves.put("gradient descent, step 1/L", fromOne(gdArr));
        Plots.lines(out.resolve("newton-errors.png"), "Logistic regression: ‖w_k − w*‖", "iteration k + 1 (log scale)",
                "error", curves, true, true);
        Map<String, Plots.Series> zoom = new LinkedHashMap<>();
        zoom.put("Newton (exact Hessian)", Plots.Series.of(eNewton));
        zoom.put("Newton-CG", Plots.Series.of(eCg));
        zoom.put("gradient descent (first steps)", Plots.Series.of(java.util.Arrays.copyOf(gdArr,
                Math.min(gdArr.length, 3 * eNewton.length))));
        Plots.lines(out.resolve("newton-quadratic.png"), "Quadratic convergence of Newton's method",
                "iteration k", "error", zoom, true);
        return String.format("newton (logistic regression, n=%d, d=%d, λ=%.0e, features scaled 0.1..2): Newton with "
                        + "the exact Hessian reaches ‖w − w*‖ < 1e-10 in %d iterations (%.2f s for all %d), Newton-CG in"
                        + " %d, gradient descent (step 1/L, L=%.4g from power iteration on hvp) in %s (%.2f s);"
                        + " Newton errors:%n%splots newton-errors.png, newton-quadratic.png",
                n, d, lambda, newtonIters, newtonSeconds, eNewton.length - 1, firstBelow(eCg), lip,
                gdIters < 0 ? "more than " + maxGd : Integer.toString(gdIters), gdSeconds, table);
    }

    /** y against 1, 2, 3, ...: iteration k at k + 1, so that k = 0 has a place on a logarithmic axis. */
    static Plots.Series fromOne(double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) x[i] = i + 1;
        return new Plots.Series(x, y);
    }

    private static double[] errors(List<double[]> iterates, double[] star) {
        double[] e = new double[iterates.size()];
        for (int k = 0; k < e.length; k++) e[k] = dist(iterates.get(k), star);
        return e;
    }

    private static int firstBelow(double[] e) {
        for (int k = 0; k < e.length; k++) if (e[k] < TOL) return k;
        return -1;
    }

    private static double dist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }

    private static double norm(double[] a) {
        return dist(a, new double[a.length]);
    }
}
