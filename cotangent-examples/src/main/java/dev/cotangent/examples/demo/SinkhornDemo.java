package dev.cotangent.examples.demo;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.VjpResult;
import dev.cotangent.examples.report.Plots;
import dev.cotangent.ot.Sinkhorn;
import dev.cotangent.ot.Sinkhorn.Gradient;
import dev.cotangent.tensor.NDArray;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The lecture's Sinkhorn example: the gradient of the entropic transport cost ⟨P, C(X)⟩ with respect to the points
 * X, by back-propagation through K Sinkhorn iterations (UNROLLED) and by the implicit function theorem at the K-th
 * iterate (IMPLICIT), for K = 1 … until convergence: the gradient error against the converged implicit gradient,
 * the tape memory ({@code savedBytes}) and the time of both. Then a point cloud flows onto another by gradient
 * descent on the Sinkhorn cost ({@link SinkhornFlow}).
 */
public final class SinkhornDemo {
    private SinkhornDemo() {}

    /** C_ij = ‖x_i − y_j‖² for x [n, 2] and y [m, 2], with ops (differentiable in both). */
    public static Tensor squaredDistances(Tensor x, Tensor y) {
        int n = x.dims().dim(0);
        int m = y.dims().dim(0);
        Tensor xx = x.square().sum(1).reshape(n, 1);
        Tensor yy = y.square().sum(1).reshape(1, m);
        return xx.add(yy).sub(x.matmul(y.transpose()).mul(2.0));
    }

    /** n points uniform in the unit square. */
    static Tensor square(SplittableRandom rng, int n) {
        return Tensor.from(NDArray.uniform(rng, 0, 1, n, 2));
    }

    /** m points on a noisy circle of radius 0.3 around (1.4, 0.5). */
    static Tensor ring(SplittableRandom rng, int m) {
        double[] p = new double[2 * m];
        for (int j = 0; j < m; j++) {
            double t = 2 * Math.PI * j / m;
            double r = 0.3 + 0.03 * rng.nextGaussian();
            p[2 * j] = 1.4 + r * Math.cos(t);
            p[2 * j + 1] = 0.5 + r * Math.sin(t);
        }
        return Tensor.of(new int[] {m, 2}, p);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    public static String run(Path out, PrintStream log, boolean quick) {
        int n = quick ? 40 : 200;
        SplittableRandom rng = new SplittableRandom(17);
        Tensor x = square(rng, n);
        Tensor y = ring(rng, n);
        Tensor a = Tensor.full(1.0 / n, n);
        Tensor b = Tensor.full(1.0 / n, n);
        double eps = 0.05 * median(squaredDistances(x, y).toArray());
        Function<Sinkhorn.Options, Function<Gradient, Function<Tensor, Tensor>>> loss = o -> mode -> p ->
                Sinkhorn.cost(a, b, squaredDistances(p, y), eps, mode, o);

        // the reference: both gradients at convergence (marginal error 1e-12)
        Sinkhorn.Solution converged = Sinkhorn.solve(a, b, squaredDistances(x, y), eps, Gradient.IMPLICIT,
                Sinkhorn.Options.DEFAULT);
        double[] gStar = AD.grad(loss.apply(Sinkhorn.Options.DEFAULT).apply(Gradient.IMPLICIT)).apply(x).toArray();
        double[] gUnrolled = AD.grad(loss.apply(Sinkhorn.Options.DEFAULT).apply(Gradient.UNROLLED)).apply(x).toArray();
        double agreement = relative(gUnrolled, gStar);
        int kMax = converged.iterations();
        log.printf("sinkhorn: n = m = %d, ε = %.4g (0.05·median C), %d iterations to marginal error %.2e; "
                + "unrolled vs implicit gradient at convergence: relative difference %.2e%n", n, eps, kMax,
                converged.marginalError(), agreement);

        int[] ks = iterationCounts(kMax, quick);
        double[][] err = new double[2][ks.length];
        double[][] mib = new double[2][ks.length];
        double[][] ms = new double[2][ks.length];
        double[] marginal = new double[ks.length];
        double[] kd = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            Sinkhorn.Options o = Sinkhorn.Options.DEFAULT.withIterations(ks[i]);
            kd[i] = ks[i];
            marginal[i] = Sinkhorn.solve(a, b, squaredDistances(x, y), eps, Gradient.UNROLLED, o).marginalError();
            for (Gradient mode : Gradient.values()) {
                int g = mode.ordinal();
                double[] times = new double[quick ? 1 : 3]; // the median of 3: the machine is shared
                for (int rep = 0; rep < times.length; rep++) {
                    long t0 = System.nanoTime();
                    VjpResult r = AD.vjp(loss.apply(o).apply(mode), x);
                    double[] grad = r.pullback(Tensor.scalar(1)).toArray();
                    times[rep] = (System.nanoTime() - t0) / 1e6;
                    mib[g][i] = r.savedBytes() / (1024.0 * 1024.0);
                    err[g][i] = relative(grad, gStar);
                }
                ms[g][i] = median(times);
            }
            log.printf("  K = %4d: marginal error %.2e | unrolled: gradient error %.2e, tape %7.2f MiB, %7.1f ms |"
                    + " implicit: gradient error %.2e, tape %5.2f MiB, %6.1f ms%n", ks[i], marginal[i], err[0][i],
                    mib[0][i], ms[0][i], err[1][i], mib[1][i], ms[1][i]);
        }
        plots(out, n, kd, marginal, err, mib, ms);
        String flow = SinkhornFlow.run(out, log, quick, x, y, eps);
        int last = ks.length - 1;
        return String.format("sinkhorn (n = m = %d, ε = %.3g): %d iterations to marginal error 1e-12; at convergence "
                        + "the unrolled and implicit gradients differ by %.2e (relative); at K = %d the unrolled "
                        + "gradient error is %.2e (implicit %.2e), at K = %d %.2e (implicit %.2e); tape memory at K = %d:"
                        + " unrolled %.2f MiB, implicit %.2f MiB (implicit at K = %d: %.2f MiB); time at K = %d:"
                        + " unrolled %.0f ms, implicit %.0f ms. %s Plots sinkhorn-gradient-error.png,"
                        + " sinkhorn-memory.png, sinkhorn-time.png, sinkhorn-flow.png, sinkhorn-flow-cost.png",
                n, eps, kMax, agreement, ks[1], err[0][1], err[1][1], ks[last], err[0][last], err[1][last], ks[last],
                mib[0][last], mib[1][last], ks[0], mib[1][0], ks[last], ms[0][last], ms[1][last], flow);
    }

    /** 1, 2, 5, 10, 20, 50, … up to the converged count, then that count. */
    static int[] iterationCounts(int kMax, boolean quick) {
        int[] steps = {1, 2, 5, 10, 20, 50, 100, 150, 200, 300, 400, 600, 800, 1200};
        int count = 0;
        while (count < steps.length && steps[count] < kMax) count++;
        int[] ks = Arrays.copyOf(steps, count + 1);
        ks[count] = kMax;
        return ks;
    }

    static double relative(double[] g, double[] ref) {
        double d = 0;
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            d += (g[i] - ref[i]) * (g[i] - ref[i]);
            s += ref[i] * ref[i];
        }
        return Math.sqrt(d / s);
    }

    private static void plots(Path out, int n, double[] k, double[] marginal, double[][] err, double[][] mib,
                              double[][] ms) {
        Map<String, Plots.Series> e = new LinkedHashMap<>();
        e.put("marginal error of the K-th iterate", new Plots.Series(k, marginal));
        e.put("unrolled gradient (back-propagation through K iterations)", new Plots.Series(k, err[0]));
        e.put("implicit gradient (implicit function theorem at the K-th iterate)", new Plots.Series(k, err[1]));
        Plots.lines(out.resolve("sinkhorn-gradient-error.png"), "Sinkhorn n = m = " + n
                + ": relative error of ∇ₓ⟨P, C⟩ against the converged gradient", "iterations K", "relative error", e,
                true, true);
        Map<String, Plots.Series> m = new LinkedHashMap<>();
        m.put("unrolled: tape grows with K", new Plots.Series(k, mib[0]));
        m.put("implicit: tape independent of K", new Plots.Series(k, mib[1]));
        Plots.lines(out.resolve("sinkhorn-memory.png"), "Sinkhorn n = m = " + n + ": reverse-mode tape (savedBytes)",
                "iterations K", "MiB", m, false, false);
        Map<String, Plots.Series> t = new LinkedHashMap<>();
        t.put("unrolled: K iterations recorded, then the backward sweep", new Plots.Series(k, ms[0]));
        t.put("implicit: K iterations, then one transposed GMRES solve", new Plots.Series(k, ms[1]));
        Plots.lines(out.resolve("sinkhorn-time.png"), "Sinkhorn n = m = " + n + ": time of value and gradient",
                "iterations K", "milliseconds", t, false, false);
    }
}
