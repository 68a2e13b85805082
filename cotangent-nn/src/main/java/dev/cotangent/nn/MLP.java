package dev.cotangent.nn;

import dev.cotangent.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The multilayer perceptron x_k = ρ(x_{k−1}·W_k + b_k): {@link Linear} layers named {@code layer0, layer1, ...},
 * the hidden activation after each but the last, the output activation after the last (IDENTITY for logits).
 */
public final class MLP implements Module {
    private final Linear[] layers;
    private final Activation hidden;
    private final Activation output;

    /** Layer sizes {@code sizes[0] -> sizes[1] -> ... -> sizes[n]}. */
    public MLP(int[] sizes, Activation hidden, Activation output) {
        if (sizes.length < 2) throw new IllegalArgumentException("MLP: give at least an input and an output size");
        this.hidden = hidden;
        this.output = output;
        layers = new Linear[sizes.length - 1];
        for (int i = 0; i < layers.length; i++) {
            Activation a = i == layers.length - 1 ? output : hidden;
            layers[i] = new Linear(sizes[i], sizes[i + 1], a == Activation.IDENTITY ? Init.XAVIER : a.init());
        }
    }

    @Override
    public Map<String, Tensor> init(SplittableRandom rng) {
        Map<String, Tensor> p = new LinkedHashMap<>();
        for (int i = 0; i < layers.length; i++) Params.putAll(p, "layer" + i, layers[i].init(rng));
        return p;
    }

    @Override
    public Tensor apply(Map<String, Tensor> params, Tensor x) {
        for (int i = 0; i < layers.length; i++) {
            x = layers[i].apply(Params.scope(params, "layer" + i), x);
            x = (i == layers.length - 1 ? output : hidden).apply(x);
        }
        return x;
    }
}
