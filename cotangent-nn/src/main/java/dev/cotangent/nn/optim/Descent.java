package dev.cotangent.nn.optim;

import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGrads;
import dev.cotangent.optim.Objective;
import java.util.Map;

/** The plain loop: evaluate the objective, step the optimiser, repeat. */
public final class Descent {
    /** Called after each evaluation with the step number, the parameters evaluated and the value there. */
    @FunctionalInterface
    public interface Listener {
        /** Returns false to stop early. */
        boolean onStep(int step, Map<String, Tensor> params, double value);
    }

    private Descent() {}

    /** {@code steps} optimiser steps from {@code params}; the final parameters. */
    public static <S> Map<String, Tensor> run(Objective f, Optimizer<S> opt, Map<String, Tensor> params, int steps,
                                              Listener listener) {
        S state = opt.init(params);
        for (int t = 0; t < steps; t++) {
            ValueAndGrads vg = f.evaluate(params);
            if (listener != null && !listener.onStep(t, params, vg.value().item())) break;
            Optimizer.Update<S> u = opt.step(params, vg.grads(), state);
            params = u.params();
            state = u.state();
        }
        return params;
    }
}
