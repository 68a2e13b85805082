package dev.cotangent.nn;

import dev.cotangent.Tensor;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A model as a pure function of named parameters and an input: the module holds only its architecture, the
 * numbers live in a parameter tree (a {@code Map<String, Tensor>}) that {@link #init} creates and that
 * {@link dev.cotangent.AD#valueAndGrad(java.util.function.Function, Map)} differentiates. A module that contains
 * others prefixes their names ({@code "layer0.w"}) so the whole tree stays flat and readable.
 */
public interface Module {
    /** Fresh parameters, drawn from {@code rng}; names are relative to this module. */
    Map<String, Tensor> init(SplittableRandom rng);

    /** The output for input {@code x} (a batch: one example per row) under {@code params}. */
    Tensor apply(Map<String, Tensor> params, Tensor x);

    /** {@link #init(SplittableRandom)} from a seed. */
    default Map<String, Tensor> init(long seed) {
        return init(new SplittableRandom(seed));
    }
}
