package dev.cotangent.ode;

import dev.cotangent.Tensor;
import java.util.function.BiFunction;

/**
 * The integration itself, run on whatever the inputs are (concrete tensors, or tracers of forward mode): RK4's
 * fixed steps, or DOPRI5 with its step sizes decided on values.
 */
final class Forward {
    private Forward() {}

    /** x at each output time. */
    static Tensor[] run(BiFunction<Tensor, Tensor, Tensor> u, Tensor x0, Tensor theta, double[] times, OdeOptions o) {
        Tensor[] out = new Tensor[times.length];
        if (o.method() == OdeOptions.Method.RK4) {
            int[] counts = Rk4.counts(times, o.steps());
            Tensor x = x0;
            double from = 0;
            for (int j = 0; j < times.length; j++) {
                double h = counts[j] == 0 ? 0 : (times[j] - from) / counts[j];
                for (int i = 0; i < counts[j]; i++) x = Rk4.step(u, x, theta, h);
                out[j] = x;
                from = times[j];
            }
            Rk4.checkFinite(out, u, x0, theta, times, o.steps());
            return out;
        }
        Adaptive.integrate(Ode.field(u, theta), new Tensor[] {x0}, times, o.rtol(), o.atol(), o.maxSteps(),
                (j, y) -> {
                    out[j] = y[0];
                    return y;
                }, Adaptive.Clock.FORWARD);
        return out;
    }
}
