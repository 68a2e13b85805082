package dev.cotangent.examples.demo;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGrad;
import dev.cotangent.examples.report.Plots;
import dev.cotangent.ot.Sinkhorn;
import dev.cotangent.ot.Sinkhorn.Gradient;
import java.awt.Color;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A point cloud X flowing onto another, Y, by gradient descent on the Sinkhorn cost ⟨P, C(X)⟩ with
 * C_ij = ‖x_i − y_j‖², the gradient taken implicitly through the converged plan: x_i moves towards the barycentre
 * of the points of Y it is transported to.
 */
final class SinkhornFlow {
    private SinkhornFlow() {}

    /** Runs the flow and plots it; returns one sentence for the demo's summary. */
    static String run(Path out, PrintStream log, boolean quick, Tensor x0, Tensor y, double eps) {
        int n = x0.dims().dim(0);
        int steps = quick ? 8 : 40;
        double rate = 0.3; // on n·∇ₓ, so that each point covers a fixed fraction of its way per step
        Tensor a = Tensor.full(1.0 / n, n);
        Tensor b = Tensor.full(1.0 / y.dims().dim(0), y.dims().dim(0));
        List<double[]> path = new ArrayList<>();
        double[] costs = new double[steps + 1];
        Tensor x = x0;
        long t0 = System.nanoTime();
        for (int k = 0; ; k++) {
            path.add(x.toArray());
            ValueAndGrad vg = AD.valueAndGrad((Tensor p) -> Sinkhorn.cost(a, b, SinkhornDemo.squaredDistances(p, y), eps,
                    Gradient.IMPLICIT), x);
            costs[k] = vg.value().item();
            if (k == steps) break;
            x = x.sub(vg.grad().mul(rate * n));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        log.printf("sinkhorn flow: %d steps of gradient descent, cost %.4g → %.4g, %.2f s%n", steps, costs[0],
                costs[steps], seconds);
        plot(out.resolve("sinkhorn-flow.png"), path, y.toArray());
        Plots.lines(out.resolve("sinkhorn-flow-cost.png"), "Sinkhorn flow: transport cost ⟨P, C(X_k)⟩",
                "gradient step k", "cost", Map.of("implicit gradient, step 0.3·n", Plots.Series.of(costs)), true);
        return String.format("The flow of %d points onto the ring by %d steps of gradient descent (implicit gradient) "
                + "lowers the cost from %.4g to %.4g (ratio %.2e) in %.1f s.", n, steps, costs[0], costs[steps],
                costs[steps] / costs[0], seconds);
    }

    private static void plot(Path file, List<double[]> path, double[] y) {
        XYChart chart = Plots.chart("Point cloud flowing onto a ring by gradient descent on the Sinkhorn cost",
                "x", "y");
        chart.getStyler().setMarkerSize(7);
        double[] first = path.get(0);
        double[] last = path.get(path.size() - 1);
        int n = first.length / 2;
        for (int i = 0; i < n; i += Math.max(1, n / 40)) { // a few trajectories
            double[] px = new double[path.size()];
            double[] py = new double[path.size()];
            for (int k = 0; k < path.size(); k++) {
                px[k] = path.get(k)[2 * i];
                py[k] = path.get(k)[2 * i + 1];
            }
            XYSeries s = chart.addSeries("path " + i, px, py);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(new Color(190, 190, 190));
            s.setShowInLegend(false);
        }
        scatter(chart, "start X₀", first, new Color(150, 150, 150));
        scatter(chart, "target Y", y, new Color(40, 90, 200));
        scatter(chart, "after " + (path.size() - 1) + " steps", last, new Color(220, 60, 30));
        Plots.save(chart, file);
    }

    private static void scatter(XYChart chart, String name, double[] p, Color color) {
        int n = p.length / 2;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = p[2 * i];
            ys[i] = p[2 * i + 1];
        }
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
    }
}
