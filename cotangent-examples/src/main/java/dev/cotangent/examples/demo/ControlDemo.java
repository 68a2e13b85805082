package dev.cotangent.examples.demo;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGrad;
import dev.cotangent.examples.report.Plots;
import dev.cotangent.nn.optim.Adam;
import dev.cotangent.nn.optim.Optimizer;
import dev.cotangent.ode.Ode;
import dev.cotangent.ode.OdeOptions;
import dev.cotangent.ode.OdeOptions.Gradient;
import dev.cotangent.ode.StepPlan;
import dev.cotangent.tensor.NDArray;
import java.awt.Color;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The lecture's optimal control, ẋ = u(x(t), θ), f(θ) = L(x(T)): a small network u(x, θ) = W₂ tanh(W₁x + b₁) + b₂
 * is trained so that the flow carries four starting points to four targets at T = 1
 * (L = ½·mean ‖x_i(T) − target_i‖²). It is trained twice with Adam from the same θ₀: once with the continuous
 * adjoint (DOPRI5 forward, z' = −[∂ₓu]ᵀz backwards: differentiate, then discretise) and once by
 * discretise-then-differentiate (reverse mode through K fixed RK4 steps, x_{k+1} = x_k + τ·Φ(x_k, θ)). Both
 * gradients are compared at θ₀ with the exact gradient of the DOPRI5 solution, and the learnt trajectories are
 * plotted.
 */
public final class ControlDemo {
    static final int HIDDEN = 16;
    static final int POINTS = 4;
    static final double T = 1.0;
    /** The four starting points (columns) and their targets: a quarter turn, shrunk by half. */
    static final double[][] START = {{1, 0, -1, 0}, {0, 1, 0, -1}};
    static final double[][] TARGET = {{0, -0.5, 0, 0.5}, {0.5, 0, -0.5, 0}};

    private ControlDemo() {}

    /** u(X, θ) for a state X of shape [2, POINTS] (one column per point) and θ packing W₁, b₁, W₂, b₂. */
    static final BiFunction<Tensor, Tensor, Tensor> U = (x, th) -> {
        int a = 2 * HIDDEN;
        Tensor w1 = Ops.slice(th, 0, 0, a).reshape(HIDDEN, 2);
        Tensor b1 = Ops.slice(th, 0, a, a + HIDDEN).reshape(HIDDEN, 1);
        Tensor w2 = Ops.slice(th, 0, a + HIDDEN, 2 * a + HIDDEN).reshape(2, HIDDEN);
        Tensor b2 = Ops.slice(th, 0, 2 * a + HIDDEN, 2 * a + HIDDEN + 2).reshape(2, 1);
        return w2.matmul(w1.matmul(x).add(b1).tanh()).add(b2);
    };

    static int parameters() {
        return 4 * HIDDEN + HIDDEN + 2;
    }

    /** L(θ) under the given solver options. */
    static Function<Tensor, Tensor> loss(OdeOptions o) {
        Tensor x0 = Tensor.of(START);
        Tensor target = Tensor.of(TARGET);
        return th -> Ode.solve(U, x0, th, T, o).sub(target).square().sum().mul(0.5 / POINTS);
    }

    /** One training run: losses per iteration, the final θ and the seconds it took. */
    record Run(List<Double> losses, Tensor theta, double seconds) {}

    static Run train(OdeOptions o, Tensor theta0, int iterations, double rate) {
        Function<Tensor, Tensor> f = loss(o);
        Optimizer<Adam.State> adam = Adam.adam(rate);
        Map<String, Tensor> p = Map.of("theta", theta0);
        Adam.State s = adam.init(p);
        List<Double> losses = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            ValueAndGrad vg = AD.valueAndGrad(f, p.get("theta"));
            losses.add(vg.value().item());
            Optimizer.Update<Adam.State> up = adam.step(p, Map.of("theta", vg.grad()), s);
            p = up.params();
            s = up.state();
        }
        losses.add(f.apply(p.get("theta")).item());
        return new Run(losses, p.get("theta"), (System.nanoTime() - t0) / 1e9);
    }

    public static String run(Path out, PrintStream log, boolean quick) {
        int iterations = quick ? 60 : 300;
        int rk4Steps = 10;
        OdeOptions adjoint = OdeOptions.dopri5(1e-6, 1e-8).withGradient(Gradient.ADJOINT);
        OdeOptions discrete = OdeOptions.rk4(rk4Steps);
        Tensor theta0 = Tensor.from(NDArray.normal(new SplittableRandom(7), 0, 0.3, parameters()));

        // the two gradients at θ₀, against the exact gradient of the DOPRI5 solution (discrete, tight)
        double[] exact = AD.grad(loss(OdeOptions.dopri5(1e-11, 1e-13))).apply(theta0).toArray();
        double[] gAdj = AD.grad(loss(adjoint)).apply(theta0).toArray();
        double[] gRk4 = AD.grad(loss(discrete)).apply(theta0).toArray();
        double errAdj = relative(gAdj, exact);
        double errRk4 = relative(gRk4, exact);
        long tapeAdj = AD.vjp(loss(adjoint), theta0).savedBytes();
        long tapeRk4 = AD.vjp(loss(discrete), theta0).savedBytes();
        StepPlan plan = Ode.plan(U, Tensor.of(START), theta0, new double[] {T}, adjoint);
        log.printf(Locale.ROOT, "at θ₀: ‖g_adjoint − g‖/‖g‖ = %.2e, ‖g_rk4 − g‖/‖g‖ = %.2e (g: DOPRI5 at 1e-11, "
                + "differentiated through its steps)%n", errAdj, errRk4);

        Run a = train(adjoint, theta0, iterations, 0.03);
        log.printf(Locale.ROOT, "continuous adjoint: loss %.3e → %.3e in %d Adam steps (%.1f s)%n",
                a.losses().get(0), last(a.losses()), iterations, a.seconds());
        Run d = train(discrete, theta0, iterations, 0.03);
        log.printf(Locale.ROOT, "discretise-then-differentiate (RK4, %d steps): loss %.3e → %.3e (%.1f s)%n",
                rk4Steps, d.losses().get(0), last(d.losses()), d.seconds());
        // the discretely trained controller, judged by the accurate solver
        double dOnFlow = loss(OdeOptions.dopri5(1e-10, 1e-12)).apply(d.theta()).item();

        Map<String, Plots.Series> curves = new LinkedHashMap<>();
        curves.put("continuous adjoint (DOPRI5)", Plots.Series.of(toArray(a.losses())));
        curves.put("discretise-then-differentiate (RK4, " + rk4Steps + " steps)", Plots.Series.of(toArray(d.losses())));
        Plots.lines(out.resolve("control-loss.png"), "Optimal control: L(x(T)) during training", "Adam step",
                "loss", curves, true);
        trajectories(out.resolve("control-trajectories.png"), theta0, a.theta(), d.theta());

        return String.format(Locale.ROOT, "control (u(x, θ) = W₂ tanh(W₁x + b₁) + b₂, %d parameters, %d points to "
                        + "their targets at T = %.0f): continuous adjoint loss %.3e → %.3e; discretise-then-differentiate "
                        + "(RK4, %d steps) loss %.3e → %.3e (%.3e under DOPRI5 at 1e-10); gradient at θ₀ relative to "
                        + "the exact one: adjoint %.2e, rk4 %.2e; tape kept for reverse mode: adjoint %d bytes, rk4 %d "
                        + "bytes; DOPRI5 took %d steps (%d rejected) at θ₀; %.1f s and %.1f s of training; plots "
                        + "control-trajectories.png, control-loss.png",
                parameters(), POINTS, T, a.losses().get(0), last(a.losses()), rk4Steps, d.losses().get(0),
                last(d.losses()), dOnFlow, errAdj, errRk4, tapeAdj, tapeRk4, plan.accepted(), plan.rejected(),
                a.seconds(), d.seconds());
    }

    /** The paths of the points under θ₀ and under both learnt controllers, with the targets. */
    private static void trajectories(Path file, Tensor theta0, Tensor thetaAdj, Tensor thetaRk4) {
        int n = 41;
        double[] times = new double[n];
        for (int i = 0; i < n; i++) times[i] = T * i / (n - 1);
        XYChart chart = Plots.chart("Optimal control: paths of the points, x' = u(x, θ)", "x₁", "x₂");
        Object[][] runs = {{"before training", theta0, Color.LIGHT_GRAY}, {"adjoint", thetaAdj, new Color(120, 180, 230)},
            {"RK4 discrete", thetaRk4, new Color(214, 39, 40)}};
        for (Object[] r : runs) {
            double[] xs = Ode.solve(U, Tensor.of(START), (Tensor) r[1], times, OdeOptions.dopri5(1e-8, 1e-10)).toArray();
            for (int p = 0; p < POINTS; p++) {
                double[] px = new double[n];
                double[] py = new double[n];
                for (int i = 0; i < n; i++) {
                    px[i] = xs[i * 2 * POINTS + p];
                    py[i] = xs[i * 2 * POINTS + POINTS + p];
                }
                XYSeries s = chart.addSeries(r[0] + (p == 0 ? "" : " " + p), px, py);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor((Color) r[2]);
                s.setShowInLegend(p == 0);
                if (r[1] == thetaAdj) s.setLineWidth(6f); // under the dashed RK4 path, which it should match
                if (r[1] == thetaRk4) s.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
            }
        }
        XYSeries start = chart.addSeries("start", START[0], START[1]);
        start.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        start.setMarker(SeriesMarkers.CIRCLE);
        start.setMarkerColor(Color.BLACK);
        XYSeries target = chart.addSeries("target", TARGET[0], TARGET[1]);
        target.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        target.setMarker(SeriesMarkers.DIAMOND);
        target.setMarkerColor(new Color(44, 160, 44));
        Plots.save(chart, file);
    }

    private static double relative(double[] a, double[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }
        return Math.sqrt(num / den);
    }

    private static double last(List<Double> l) {
        return l.get(l.size() - 1);
    }

    private static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
