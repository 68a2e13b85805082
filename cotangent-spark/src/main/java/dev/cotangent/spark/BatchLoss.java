package dev.cotangent.spark;

import dev.cotangent.Tensor;
import java.io.Serializable;
import java.util.Map;

/**
 * A training loss as a function of (parameters, batch) to the batch's <em>mean</em> loss, a 0-d tensor: the same
 * function the user differentiates on one machine, made {@link Serializable} so that Spark can ship it to the
 * executors (a lambda whose target type is this interface is serializable when what it captures is).
 *
 * <p>The trainer weights each partition's mean by its row count and divides the sum by the global batch size, so
 * the step follows the gradient of the global batch's mean loss: a loss must be a mean over rows (plus, at most,
 * a term of the parameters alone, such as a penalty, which the weights then count once).
 */
@FunctionalInterface
public interface BatchLoss extends Serializable {
    /** The mean loss of {@code batch} under {@code params} (differentiable in {@code params}). */
    Tensor loss(Map<String, Tensor> params, Batch batch);
}
