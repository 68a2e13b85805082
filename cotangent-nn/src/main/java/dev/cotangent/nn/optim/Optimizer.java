package dev.cotangent.nn.optim;

import dev.cotangent.Tensor;
import dev.cotangent.optim.Objective;
import java.util.Map;

/**
 * A first-order optimiser as a plain function of (parameters, gradients, state) to (new parameters, new
 * state); the state is an immutable record, so a step can be replayed, inspected or checkpointed. The
 * gradients may come from AD or from any {@link Objective} (finite differences, zero-order estimators).
 *
 * @param <S> the optimiser's state record
 */
public interface Optimizer<S> {
    /** The state before the first step for parameters {@code params}. */
    S init(Map<String, Tensor> params);

    /** One step: parameters and state after following {@code grads} from {@code params}. */
    Update<S> step(Map<String, Tensor> params, Map<String, Tensor> grads, S state);

    /** The result of a step: new parameters and new state. */
    record Update<S>(Map<String, Tensor> params, S state) {}
}
