package dev.cotangent.primitive;

import dev.cotangent.Tensor;

/**
 * A primitive that is piecewise constant (comparisons, sign, floor, argmax) or deliberately cut from
 * differentiation (stopGradient): its derivative is zero wherever it exists, so both rules return symbolic
 * zeros and traces treat its result as a constant.
 */
public abstract class NonDifferentiable extends Primitive {

    @Override
    public final boolean differentiable() {
        return false;
    }

    @Override
    public final Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out) {
        return null;
    }

    @Override
    public final Tensor[] vjp(Tensor cotangent, Tensor[] primals, Tensor out, boolean[] needed) {
        return new Tensor[primals.length];
    }
}
