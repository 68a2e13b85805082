package dev.cotangent.nn.optim;

import dev.cotangent.Tensor;
import dev.cotangent.nn.Params;
import java.util.Map;

/** Gradient descent θ_{t+1} = θ_t − α_t ∇L(θ_t); {@link #update} is the same step on arrays ({@link FusedUpdate}). */
public final class GradientDescent implements Optimizer<GradientDescent.State>, FusedUpdate {
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

    /** No state. */
    @Override
    public int slots() {
        return 0;
    }

    /** {@code out = theta - α grad}, computed as {@link Params#axpy} does, so bit for bit the same. */
    @Override
    public void update(int step, double[] theta, double[] grad, double[][] slots, double[] out) {
        FusedUpdate.check("GradientDescent.update", 0, theta, grad, slots, out);
        double na = -rate.at(step);
        for (int i = 0; i < theta.length; i++) out[i] = theta[i] + na * grad[i];
    }
}
