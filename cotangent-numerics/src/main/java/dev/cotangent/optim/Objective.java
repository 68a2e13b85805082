package dev.cotangent.optim;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGrads;
import java.util.Map;
import java.util.function.Function;

/**
 * A loss with a way to get its gradient: parameters to (value, gradient tree). {@link #autodiff} uses reverse
 * mode; the estimators of {@code dev.cotangent.estimate} give gradient-free objectives of the same type, so
 * any method that takes an objective ({@link Lbfgs}, cotangent-nn's {@code Descent} with a training optimiser)
 * runs on either.
 */
@FunctionalInterface
public interface Objective {
    /** The loss and its (exact or estimated) gradient at {@code params}. */
    ValueAndGrads evaluate(Map<String, Tensor> params);

    /** The exact gradient by {@link AD#valueAndGrad(Function, Map)}. */
    static Objective autodiff(Function<Map<String, Tensor>, Tensor> loss) {
        return params -> AD.valueAndGrad(loss, params);
    }
}
