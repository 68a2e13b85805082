package dev.cotangent.primitive;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/** The identity on values with a zero derivative: what it returns is a constant to every enclosing transform. */
public final class StopGradient extends Named implements Elementwise, ZeroDerivative {
    public static final StopGradient INSTANCE = new StopGradient();

    private StopGradient() {}

    @Override
    public String name() {
        return "stop_gradient";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public NDArray apply(NDArray... in) {
        return in[0];
    }
}
