package dev.cotangent.nn;

import dev.cotangent.tensor.NDArray;
import java.util.SplittableRandom;

/**
 * How a weight is drawn at initialisation, from a seeded {@link SplittableRandom} and the layer's fan-in and
 * fan-out. He (Kaiming) init suits ReLU layers, Xavier (Glorot) init suits tanh and sigmoid layers.
 */
@FunctionalInterface
public interface Init {
    /** A fresh array of {@code dims} for a layer with {@code fanIn} inputs and {@code fanOut} outputs. */
    NDArray sample(SplittableRandom rng, int fanIn, int fanOut, int... dims);

    /** He normal: N(0, 2/fanIn). */
    Init HE = (rng, fanIn, fanOut, dims) -> NDArray.normal(rng, 0.0, Math.sqrt(2.0 / fanIn), dims);

    /** Xavier uniform: U(−a, a) with a = √(6/(fanIn + fanOut)). */
    Init XAVIER = (rng, fanIn, fanOut, dims) -> {
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        return NDArray.uniform(rng, -a, a, dims);
    };

    /** All zeros (biases). */
    Init ZEROS = (rng, fanIn, fanOut, dims) -> NDArray.zeros(dims);

    /** N(0, std²) whatever the fans. */
    static Init normal(double std) {
        return (rng, fanIn, fanOut, dims) -> NDArray.normal(rng, 0.0, std, dims);
    }

    /** This init with every draw multiplied by {@code factor}. */
    default Init scaled(double factor) {
        return (rng, fanIn, fanOut, dims) -> sample(rng, fanIn, fanOut, dims).mul(NDArray.scalar(factor));
    }
}
