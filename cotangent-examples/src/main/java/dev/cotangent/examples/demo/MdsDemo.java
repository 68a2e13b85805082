package dev.cotangent.examples.demo;

import dev.cotangent.Linalg;
import dev.cotangent.Tensor;
import dev.cotangent.examples.report.Plots;
import dev.cotangent.nn.Params;
import dev.cotangent.optim.Lbfgs;
import dev.cotangent.optim.Objective;
import dev.cotangent.tensor.NDArray;
import java.awt.Color;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Multidimensional scaling (the lecture's example): recover points W_i ∈ R² from the matrix of squared
 * distances D_ij = ‖X_i − X_j‖² by minimising L(W) = Σ_ij (‖W_i − W_j‖² − D_ij)² with L-BFGS from a random
 * start. W is determined up to a rigid motion, so it is compared with the truth after Procrustes alignment.
 */
public final class MdsDemo {
    private MdsDemo() {}

    /** L(W) for W of shape [N, 2] and D of shape [N, N]. */
    public static Tensor stress(Tensor w, Tensor d) {
        int n = w.dims().dim(0);
        Tensor r = w.square().sum(1);
        Tensor sq = r.reshape(n, 1).add(r.reshape(1, n)).sub(w.matmul(w.transpose()).mul(2.0));
        return sq.sub(d).square().sum();
    }

    /** The squared-distance matrix of the rows of x [N, k]. */
    public static NDArray squaredDistances(NDArray x) {
        int n = x.dims().dim(0);
        int k = x.dims().dim(1);
        double[] p = x.unsafeData();
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < k; c++) s += (p[i * k + c] - p[j * k + c]) * (p[i * k + c] - p[j * k + c]);
                d[i * n + j] = s;
            }
        }
        return NDArray.wrap(dev.cotangent.tensor.Shape.of(n, n), d);
    }

    public static String run(Path out, PrintStream log, boolean quick) {
        int n = quick ? 10 : 30;
        SplittableRandom rng = new SplittableRandom(11);
        NDArray truth = NDArray.uniform(rng, -1, 1, n, 2);
        Tensor d = Tensor.from(squaredDistances(truth));
        Objective f = Objective.autodiff(p -> stress(p.get("W"), d));
        Map<String, Tensor> w = Params.of("W", Tensor.from(NDArray.normal(rng, 0, 0.5, n, 2)));
        double[] w0 = w.get("W").toArray();
        Lbfgs lbfgs = new Lbfgs();
        Lbfgs.State st = lbfgs.init(f, w);
        List<Double> curve = new ArrayList<>();
        curve.add(st.value());
        long t0 = System.nanoTime();
        while (st.iteration() < 1000 && st.value() > 1e-24 && st.gradNorm() > 1e-14) {
            Lbfgs.Step u = lbfgs.step(f, w, st);
            if (u.state().stalled() && st.s().isEmpty()) break;
            w = u.params();
            st = u.state();
            curve.add(st.value());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double[] aligned = procrustes(w.get("W").toArray(), truth.unsafeData());
        double rms = 0;
        for (int i = 0; i < aligned.length; i++) rms += Math.pow(aligned[i] - truth.unsafeData()[i], 2);
        rms = Math.sqrt(rms / n);
        double scale = d.square().sum().item();

        plotPoints(out.resolve("mds-points.png"), n, truth.unsafeData(), aligned, procrustes(w0, truth.unsafeData()));
        double[] c = curve.stream().mapToDouble(Double::doubleValue).toArray();
        Plots.lines(out.resolve("mds-stress.png"), "MDS: stress L(W) during L-BFGS", "iteration", "L(W)",
                Map.of("L-BFGS", Plots.Series.of(c)), true);
        log.printf("mds: %d points, L-BFGS %d iterations, %d evaluations, %.2f s%n", n, st.iteration(),
                st.evaluations(), seconds);
        return String.format("mds (%d points in 2-D, L-BFGS with strong-Wolfe search): stress %.3e "
                        + "(relative %.3e) after %d iterations / %d evaluations in %.2f s; RMS distance to the truth "
                        + "after Procrustes alignment %.3e; %s; plots mds-points.png, mds-stress.png",
                n, st.value(), st.value() / scale, st.iteration(), st.evaluations(), seconds, rms,
                st.value() < 1e-8 ? "stress < 1e-8: PASS" : "stress >= 1e-8: FAIL");
    }

    /**
     * W [N, 2] moved onto X [N, 2] by the orthogonal Procrustes problem: both centred, the rotation or reflection
     * R maximising tr(Rᵀ W_cᵀ X_c) is U Vᵀ from the SVD W_cᵀ X_c = U diag(s) Vᵀ, then X's centroid is added back.
     */
    public static double[] procrustes(double[] w, double[] x) {
        NDArray wc = centred(w, centroid(w));
        double[] mx = centroid(x);
        NDArray xc = centred(x, mx);
        Tensor[] usv = Linalg.svd(Tensor.from(wc.transpose().matmul(xc)));
        NDArray rotation = usv[0].value().matmul(usv[2].value());
        NDArray aligned = wc.matmul(rotation).add(NDArray.of(mx).reshape(1, 2));
        return aligned.toArray();
    }

    private static NDArray centred(double[] p, double[] mean) {
        double[] c = new double[p.length];
        for (int i = 0; i < p.length; i++) c[i] = p[i] - mean[i % 2];
        return NDArray.wrap(dev.cotangent.tensor.Shape.of(p.length / 2, 2), c);
    }

    private static void plotPoints(Path file, int n, double[] truth, double[] aligned, double[] start) {
        XYChart chart = Plots.chart("MDS: " + n + " points recovered from squared distances (after Procrustes)",
                "x", "y");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(11);
        add(chart, "random start W0 (aligned)", start, SeriesMarkers.DIAMOND, new Color(170, 170, 170));
        add(chart, "truth X", truth, SeriesMarkers.CIRCLE, new Color(40, 90, 200));
        add(chart, "recovered W", aligned, SeriesMarkers.CROSS, new Color(220, 60, 30));
        Plots.save(chart, file);
    }

    private static void add(XYChart chart, String name, double[] p, org.knowm.xchart.style.markers.Marker marker,
                            Color color) {
        Plots.Series s = column2(p);
        XYSeries xy = chart.addSeries(name, s.x(), s.y());
        xy.setMarker(marker);
        xy.setMarkerColor(color);
    }

    private static double[] centroid(double[] p) {
        int n = p.length / 2;
        double[] m = new double[2];
        for (int i = 0; i < n; i++) {
            m[0] += p[2 * i] / n;
            m[1] += p[2 * i + 1] / n;
        }
        return m;
    }

    private static Plots.Series column2(double[] p) {
        int n = p.length / 2;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = p[2 * i];
            ys[i] = p[2 * i + 1];
        }
        return new Plots.Series(xs, ys);
    }
}
