package dev.cotangent.ode;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.function.BiFunction;

/**
 * Differentiable solutions of autonomous ODEs dx/dt = u(x, θ), x(0) = x₀: by fixed-step RK4 or adaptive
 * Dormand–Prince 5(4) ({@link OdeOptions}), differentiable in x₀ and θ in every mode. Reverse mode either goes
 * through the solver's own steps ({@link OdeOptions.Gradient#DISCRETE}, with a checkpoint schedule) or integrates
 * the continuous adjoint backwards ({@link OdeOptions.Gradient#ADJOINT}, memory independent of the number of
 * steps). A failed integration (step size underflow, NaN, too many steps) throws an {@link OdeException} that
 * names the time reached.
 *
 * <pre>{@code
 * BiFunction<Tensor, Tensor, Tensor> u = (x, a) -> a.matmul(x);                 // x' = A x
 * Tensor x1 = Ode.solve(u, x0, a, 1.0, OdeOptions.dopri5(1e-8, 1e-10));          // e^A x0
 * Tensor g = AD.grad(th -> Ode.solve(u, x0, th, 1.0,
 *         OdeOptions.dopri5(1e-8, 1e-10).withGradient(OdeOptions.Gradient.ADJOINT)).sum()).apply(a);
 * }</pre>
 *
 * <p>u must be a function of its two arguments only: a traced tensor it captures from outside is not
 * differentiated by the adjoint (and is refused by it). It must return a tensor of x's shape.
 */
public final class Ode {
    private Ode() {}

    /** x(t1), of x₀'s shape. */
    public static Tensor solve(BiFunction<Tensor, Tensor, Tensor> u, Tensor x0, Tensor theta, double t1,
                               OdeOptions options) {
        return solve(u, x0, theta, new double[] {t1}, options);
    }

    /**
     * x at each of the {@code times} (increasing, the first ≥ 0), stacked along a new first axis: shape
     * [times.length, x₀'s shape…] for several times, x₀'s shape for one. DOPRI5 hits every output time exactly
     * (it shortens the step that would pass one); RK4 shares its steps among the intervals.
     */
    public static Tensor solve(BiFunction<Tensor, Tensor, Tensor> u, Tensor x0, Tensor theta, double[] times,
                               OdeOptions options) {
        check(u, x0, theta, times, options);
        double[] ts = times.clone();
        if (options.gradient() == OdeOptions.Gradient.ADJOINT && (x0.level() > 0 || theta.level() > 0)) {
            return Adjoint.solve(u, x0, theta, ts, options);
        }
        return pack(Discrete.solve(u, x0, theta, ts, options));
    }

    /**
     * The steps {@link #solve} takes from these inputs' values: DOPRI5's accepted step sizes (with the output
     * times hit), the rejected trials and the evaluations of u; RK4's fixed steps.
     */
    public static StepPlan plan(BiFunction<Tensor, Tensor, Tensor> u, Tensor x0, Tensor theta, double[] times,
                                OdeOptions options) {
        check(u, x0, theta, times, options);
        if (options.method() == OdeOptions.Method.RK4) return Rk4.plan(times, options.steps());
        return Adaptive.integrate(field(u, theta), new Tensor[] {x0}, times, options.rtol(), options.atol(),
                options.maxSteps(), (j, y) -> y, Adaptive.Clock.FORWARD);
    }

    /** u(x, θ), checked to be a tensor of x's shape. */
    static Tensor derivative(BiFunction<Tensor, Tensor, Tensor> u, Tensor x, Tensor theta) {
        Tensor d = u.apply(x, theta);
        if (d == null || !d.dims().equals(x.dims())) {
            throw new IllegalArgumentException("ode: u returned " + (d == null ? "null" : "a tensor of shape " + d.dims())
                    + " for a state of shape " + x.dims() + "; u(x, θ) must return dx/dt, of x's shape");
        }
        return d;
    }

    /** The ODE as a one-component {@link Field}. */
    static Field field(BiFunction<Tensor, Tensor, Tensor> u, Tensor theta) {
        return y -> new Tensor[] {derivative(u, y[0], theta)};
    }

    /** One output as it is; several stacked along a new first axis. */
    static Tensor pack(Tensor[] outputs) {
        return outputs.length == 1 ? outputs[0] : Ops.stack(0, outputs);
    }

    private static void check(BiFunction<Tensor, Tensor, Tensor> u, Tensor x0, Tensor theta, double[] times,
                              OdeOptions options) {
        if (u == null || x0 == null || theta == null || options == null) {
            throw new IllegalArgumentException("ode: u, x0, theta and options must not be null "
                    + "(give Tensor.zeros(0) for no parameters)");
        }
        if (times == null || times.length == 0) throw new IllegalArgumentException("ode: give at least one output time");
        double prev = -1;
        for (int j = 0; j < times.length; j++) {
            double t = times[j];
            if (!Double.isFinite(t) || t < 0 || (j > 0 && t <= prev)) {
                throw new IllegalArgumentException("ode: output time " + j + " is " + t + "; the times must be finite, "
                        + "≥ 0 and strictly increasing (integration runs forward from t = 0)");
            }
            prev = t;
        }
    }
}
