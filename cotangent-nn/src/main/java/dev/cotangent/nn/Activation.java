package dev.cotangent.nn;

import dev.cotangent.Tensor;

/** The elementwise nonlinearity ρ of a layer, with the weight init that suits it. */
public enum Activation {
    IDENTITY, RELU, TANH, SIGMOID, SOFTPLUS;

    /** ρ(x), elementwise. */
    public Tensor apply(Tensor x) {
        return switch (this) {
            case IDENTITY -> x;
            case RELU -> x.relu();
            case TANH -> x.tanh();
            case SIGMOID -> x.sigmoid();
            case SOFTPLUS -> x.softplus();
        };
    }

    /** He init for ReLU-like layers, Xavier otherwise. */
    public Init init() {
        return this == RELU || this == SOFTPLUS ? Init.HE : Init.XAVIER;
    }
}
