package dev.cotangent.examples.demo;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGrad;
import dev.cotangent.examples.data.Digits;
import dev.cotangent.examples.report.Plots;
import dev.cotangent.implicit.Implicit;
import dev.cotangent.nn.data.Dataset;
import java.awt.Color;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Bilevel optimisation: choose the ridge penalty λ = e^θ of a least-squares classifier of the digits (one-hot targets,
 * pixels and a bias) by gradient descent on the validation loss through the inner minimiser,
 * <pre>  W*(θ) = argmin_W ½ mean‖X W − Y‖² + ½ e^θ ‖W‖²   (bias row unpenalised),  L(θ) = ½ mean‖X_val W*(θ) − Y_val‖²,</pre>
 * with dL/dθ from {@link Implicit#argmin} (one CG solve with the Hessian, never the inner iterations), compared with
 * a grid search over θ. At the end AD.hessian gives d²L/dθ² through the argmin (second order).
 */
public final class BilevelDemo {
    private BilevelDemo() {}

    /** The problem: training and validation designs (with a bias column) and one-hot targets. */
    record Problem(Tensor x, Tensor y, Tensor xVal, Tensor yVal, Tensor mask) {
        int features() {
            return x.dims().dim(1);
        }

        /** E(W, θ): the inner (training) energy. */
        Tensor energy(Tensor w, Tensor theta) {
            Tensor fit = x.matmul(w).sub(y).square().sum().mul(0.5 / x.dims().dim(0));
            return fit.add(theta.exp().mul(w.mul(mask).square().sum()).mul(0.5));
        }

        Tensor solve(Tensor theta, Tensor start) {
            return Implicit.argmin(this::energy, start, theta);
        }

        /** L(θ) through the argmin, warm-started at {@code start} (not differentiated). */
        Tensor validation(Tensor theta, Tensor start) {
            return xVal.matmul(solve(theta, start)).sub(yVal).square().sum().mul(0.5 / xVal.dims().dim(0));
        }
    }

    static Problem problem(int train, int val) {
        Dataset d = Digits.load().scaled(1.0 / 16);
        int[] perm = Dataset.permutation(d.size(), new SplittableRandom(3));
        Dataset tr = d.subset(java.util.Arrays.copyOfRange(perm, 0, train));
        Dataset va = d.subset(java.util.Arrays.copyOfRange(perm, train, train + val));
        double[] mask = new double[(Digits.PIXELS + 1) * Digits.CLASSES];
        for (int i = 0; i < Digits.PIXELS * Digits.CLASSES; i++) mask[i] = 1; // the last row (bias) is free
        return new Problem(design(tr), onehot(tr), design(va), onehot(va),
                Tensor.of(new int[] {Digits.PIXELS + 1, Digits.CLASSES}, mask));
    }

    static Tensor design(Dataset d) {
        double[] x = d.x().unsafeData();
        int n = d.size();
        double[] out = new double[n * (Digits.PIXELS + 1)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * Digits.PIXELS, out, i * (Digits.PIXELS + 1), Digits.PIXELS);
            out[i * (Digits.PIXELS + 1) + Digits.PIXELS] = 1;
        }
        return Tensor.of(new int[] {n, Digits.PIXELS + 1}, out);
    }

    static Tensor onehot(Dataset d) {
        double[] y = new double[d.size() * Digits.CLASSES];
        for (int i = 0; i < d.size(); i++) y[i * Digits.CLASSES + d.labels()[i]] = 1;
        return Tensor.of(new int[] {d.size(), Digits.CLASSES}, y);
    }

    public static String run(Path out, PrintStream log, boolean quick) {
        Problem p = problem(quick ? 100 : 150, quick ? 200 : 600);
        Tensor zeros = Tensor.zeros(p.features(), Digits.CLASSES);
        Function<Tensor, Tensor> val = th -> p.validation(th, zeros);

        // grid search: one inner solve per grid point
        int points = quick ? 9 : 25;
        double[] grid = new double[points];
        double[] gridLoss = new double[points];
        long t0 = System.nanoTime();
        int best = 0;
        for (int i = 0; i < points; i++) {
            grid[i] = -10 + 12.0 * i / (points - 1);
            gridLoss[i] = val.apply(Tensor.scalar(grid[i])).item();
            if (gridLoss[i] < gridLoss[best]) best = i;
        }
        double gridSeconds = (System.nanoTime() - t0) / 1e9;

        // gradient descent on θ with the hypergradient through argmin
        int steps = quick ? 12 : 25;
        double rate = 50.0; // about 1/L''(θ*) on this problem
        double[] thetas = new double[steps + 1];
        double[] losses = new double[steps + 1];
        double theta = -8;
        long t1 = System.nanoTime();
        for (int k = 0; ; k++) {
            ValueAndGrad vg = AD.valueAndGrad(val, Tensor.scalar(theta));
            thetas[k] = theta;
            losses[k] = vg.value().item();
            if (k == steps) break;
            theta -= rate * vg.grad().item();
        }
        double gdSeconds = (System.nanoTime() - t1) / 1e9;

        // checks: the hypergradient against central differences at the start, and d²L/dθ² at the end (second order)
        double h = 1e-4;
        double fd = (val.apply(Tensor.scalar(-8 + h)).item() - val.apply(Tensor.scalar(-8 - h)).item()) / (2 * h);
        double ad = AD.grad(val).apply(Tensor.scalar(-8)).item();
        double fdError = Math.abs(fd - ad) / Math.abs(fd);
        double curvature = AD.hessian(val).apply(Tensor.scalar(theta)).item();
        double[] timing = timeHypergradient(p, Tensor.scalar(theta));
        log.printf("bilevel: grid best θ = %.3f (L = %.6f) in %.2f s; gradient descent θ = %.4f (L = %.6f) in %.2f s;"
                + " dL/dθ at θ = −8: AD %.6e, central differences %.6e; d²L/dθ² at the end %.4e; inner solve %.1f ms, "
                + "value and hypergradient %.1f ms%n", grid[best], gridLoss[best], gridSeconds, theta, losses[steps],
                gdSeconds, ad, fd, curvature, timing[0], timing[1]);
        plots(out, grid, gridLoss, thetas, losses);
        return String.format("bilevel (ridge classifier of the digits, %d training and %d validation images, 650 weights):"
                        + " gradient descent on the validation loss through argmin moves log λ from −8 to %.4f (loss %.6f →"
                        + " %.6f in %d steps, %.2f s); the grid search's best of %d points is log λ = %.3f (loss %.6f, "
                        + "%.2f s); hypergradient vs central differences: relative difference %.1e; d²L/d(log λ)² = %.4e"
                        + " at the optimum by AD.hessian through argmin; one inner solve %.1f ms, value and hypergradient "
                        + "%.1f ms (ratio %.2f). Plots bilevel-validation.png, bilevel-descent.png",
                p.x().dims().dim(0), p.xVal().dims().dim(0), theta, losses[0], losses[steps], steps, gdSeconds, points,
                grid[best], gridLoss[best], gridSeconds, fdError, curvature, timing[0], timing[1],
                timing[1] / timing[0]);
    }

    /** Median milliseconds of one inner solve and of the value with its hypergradient, alternated 5 times. */
    static double[] timeHypergradient(Problem p, Tensor theta) {
        Tensor zeros = Tensor.zeros(p.features(), Digits.CLASSES);
        double[] solve = new double[5];
        double[] both = new double[5];
        for (int r = 0; r < 5; r++) {
            long t0 = System.nanoTime();
            p.solve(theta, zeros).toArray();
            long t1 = System.nanoTime();
            AD.valueAndGrad((Tensor th) -> p.validation(th, zeros), theta);
            long t2 = System.nanoTime();
            solve[r] = (t1 - t0) / 1e6;
            both[r] = (t2 - t1) / 1e6;
        }
        java.util.Arrays.sort(solve);
        java.util.Arrays.sort(both);
        return new double[] {solve[2], both[2]};
    }

    private static void plots(Path out, double[] grid, double[] gridLoss, double[] thetas, double[] losses) {
        XYChart chart = Plots.chart("Ridge penalty on the digits: validation loss against log λ", "log λ",
                "validation loss");
        XYSeries g = chart.addSeries("grid search (one inner solve per point)", grid, gridLoss);
        g.setMarker(SeriesMarkers.CIRCLE);
        XYSeries d = chart.addSeries("gradient descent through argmin (iterates)", thetas, losses);
        d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        d.setMarker(SeriesMarkers.DIAMOND);
        d.setMarkerColor(new Color(220, 60, 30));
        Plots.save(chart, out.resolve("bilevel-validation.png"));
        Map<String, Plots.Series> s = new LinkedHashMap<>();
        s.put("validation loss L(θ_k)", Plots.Series.of(losses));
        Plots.lines(out.resolve("bilevel-descent.png"), "Gradient descent on log λ with the implicit hypergradient",
                "step k", "validation loss", s, false);
    }
}
