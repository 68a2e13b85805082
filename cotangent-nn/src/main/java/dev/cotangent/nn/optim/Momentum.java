package dev.cotangent.nn.optim;

import dev.cotangent.Tensor;
import dev.cotangent.nn.Params;
import java.util.Map;

/**
 * SGD with momentum: v_{t+1} = β v_t + g_t, then θ_{t+1} = θ_t − α v_{t+1} (heavy ball) or, with Nesterov's
 * look-ahead, θ_{t+1} = θ_t − α (g_t + β v_{t+1}).
 */
public final class Momentum implements Optimizer<Momentum.State> {
    /** The step counter and the velocity (a tree like the parameters). */
    public record State(int step, Map<String, Tensor> velocity) {}

    private final Schedule rate;
    private final double beta;
    private final boolean nesterov;

    public Momentum(Schedule rate, double beta, boolean nesterov) {
        if (beta < 0 || beta >= 1) throw new IllegalArgumentException("Momentum: beta " + beta + " must be in [0, 1)");
        this.rate = rate;
        this.beta = beta;
        this.nesterov = nesterov;
    }

    public Momentum(double rate, double beta, boolean nesterov) {
        this(Schedule.constant(rate), beta, nesterov);
    }

    @Override
    public State init(Map<String, Tensor> params) {
        return new State(0, Params.zerosLike(params));
    }

    @Override
    public Update<State> step(Map<String, Tensor> params, Map<String, Tensor> grads, State state) {
        double a = rate.at(state.step());
        Map<String, Tensor> v = Params.axpy(beta, state.velocity(), grads);
        Map<String, Tensor> dir = nesterov ? Params.axpy(beta, v, grads) : v;
        return new Update<>(Params.axpy(-a, dir, params), new State(state.step() + 1, v));
    }
}
