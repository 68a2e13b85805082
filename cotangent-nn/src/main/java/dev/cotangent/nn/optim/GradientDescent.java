package dev.cotangent.nn.optim;

import dev.cotangent.Tensor;
import dev.cotangent.nn.Params;
import java.util.Map;

/** Gradient descent θ_{t+1} = θ_t − α_t ∇L(θ_t). */
public final class GradientDescent implements Optimizer<GradientDescent.State> {
    /** The step counter. */
    public record State(int step) {}

    private final Schedule rate;

    public GradientDescent(Schedule rate) {
        this.rate = rate;
    }

    public GradientDescent(double rate) {
        this(Schedule.constant(rate));
    }

    @Override
    public State init(Map<String, Tensor> params) {
        return new State(0);
    }

    @Override
    public Update<State> step(Map<String, Tensor> params, Map<String, Tensor> grads, State state) {
        return new Update<>(Params.axpy(-rate.at(state.step()), grads, params), new State(state.step() + 1));
    }
}
