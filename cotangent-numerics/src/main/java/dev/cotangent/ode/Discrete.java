package dev.cotangent.ode;

import dev.cotangent.Checkpoints;
import dev.cotangent.Loop;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.function.BiFunction;

/**
 * Discretise, then differentiate: the solver's steps as a {@link Loop#scan} under the options' checkpoint
 * schedule, so reverse mode gives the exact gradient of the computed solution.
 *
 * <p>RK4's steps are fixed, so its step function is the same at every step. DOPRI5's accepted step sizes are
 * first chosen by running the adaptive solver on the inputs' values (rejected trials included; none of it is
 * recorded) and are then constants: the gradient is that of the fixed sequence of accepted steps, not of the
 * step-size controller (whose decisions are piecewise constant in the inputs anyway). To let the step function
 * know its step size wherever the schedule restarts it, the scanned state is x flattened with the step's index
 * appended, [x, k]; the index is read as a value and advanced by one each step. The scan re-evaluates u at the
 * start of every step (seven evaluations per step, not six with FSAL) so that a step is a function of its state
 * alone; the values are the same as the direct solver's.
 */
final class Discrete {
    private Discrete() {}

    /** x at each output time, differentiable in x0 and θ through the solver's steps. */
    static Tensor[] solve(BiFunction<Tensor, Tensor, Tensor> u, Tensor x0, Tensor theta, double[] times,
                          OdeOptions o) {
        if (x0.level() == 0 && theta.level() == 0) return Forward.run(u, x0, theta, times, o);
        return o.method() == OdeOptions.Method.RK4 ? rk4(u, x0, theta, times, o) : dopri5(u, x0, theta, times, o);
    }

    private static Tensor[] rk4(BiFunction<Tensor, Tensor, Tensor> u, Tensor x0, Tensor theta, double[] times,
                                OdeOptions o) {
        int[] counts = Rk4.counts(times, o.steps());
        Tensor[] out = new Tensor[times.length];
        Tensor x = x0;
        double from = 0;
        for (int j = 0; j < times.length; j++) {
            double h = counts[j] == 0 ? 0 : (times[j] - from) / counts[j];
            x = Loop.scan((s, th) -> Rk4.step(u, s, th, h), x, theta, counts[j], o.checkpoints());
            out[j] = x;
            from = times[j];
        }
        Rk4.checkFinite(out, u, x0, theta, times, o.steps());
        return out;
    }

    private static Tensor[] dopri5(BiFunction<Tensor, Tensor, Tensor> u, Tensor x0, Tensor theta, double[] times,
                                   OdeOptions o) {
        StepPlan plan = Ode.plan(u, concrete(x0), concrete(theta), times, o);
        double[] hs = plan.stepSizes();
        int n = x0.size();
        int[] shape = x0.shape();
        BiFunction<Tensor, Tensor, Tensor> step = (s, th) -> {
            Tensor index = Ops.slice(s, 0, n, n + 1);
            int k = (int) index.item();
            if (k < 0 || k >= hs.length) {
                throw new IllegalStateException("ode: the scanned state carries step index " + k + " outside 0.."
                        + (hs.length - 1));
            }
            Tensor x = Ops.slice(s, 0, 0, n).reshape(shape);
            Field f = Ode.field(u, th);
            Tensor[] y = {x};
            Tensor next = Dopri5.step(f, y, f.at(y), hs[k], false).y()[0];
            return Ops.concat(0, next.reshape(n), index.add(1));
        };
        Checkpoints policy = o.checkpoints();
        Tensor s = Ops.concat(0, x0.reshape(n), Tensor.of(0.0));
        Tensor[] out = new Tensor[times.length];
        int done = 0;
        for (int j = 0; j < times.length; j++) {
            int count = plan.outputSteps()[j] - done;
            if (count > 0) s = Loop.scan(step, s, theta, count, policy);
            done = plan.outputSteps()[j];
            out[j] = count == 0 && j == 0 ? x0 : Ops.slice(s, 0, 0, n).reshape(shape);
        }
        return out;
    }

    private static Tensor concrete(Tensor t) {
        try {
            return Tensor.from(t.value());
        } catch (IllegalStateException noValue) {
            throw new IllegalArgumentException("ode: DOPRI5 chooses its step sizes on values, and this input has "
                    + "none (it is staged or batched); use OdeOptions.rk4 here", noValue);
        }
    }
}
