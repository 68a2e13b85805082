package dev.cotangent.primitive;

import dev.cotangent.Tensor;

/**
 * Trait of a primitive that is piecewise constant (comparisons, sign, floor, argmax) or deliberately cut from
 * differentiation (stopGradient): its derivative is zero wherever it exists, so both rules return symbolic
 * zeros and traces treat its result as a constant.
 */
public interface ZeroDerivative extends OneResult {

    @Override
    default boolean differentiable() {
        return false;
    }

    @Override
    default Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out) {
        return null;
    }

    @Override
    default Tensor[] vjp(Tensor cotangent, Tensor[] primals, Tensor out, boolean[] needed) {
        return new Tensor[primals.length];
    }
}
