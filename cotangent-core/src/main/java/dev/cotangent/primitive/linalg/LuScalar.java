package dev.cotangent.primitive.linalg;

import dev.cotangent.kernel.LuFactors;
import dev.cotangent.primitive.Named;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * A number per matrix read from its LU factorization (det, log |det|, the sign of det): shape {@code [...]} for a
 * stack {@code [..., n, n]}, computed from the cached factors ({@link LuCache}), so one factorization serves them
 * all and their derivative rules.
 */
abstract class LuScalar extends Named implements OneMatrix {

    /** The number for matrix {@code t} of the stack, from its factors. */
    protected abstract double of(LuFactors lu, int t);

    @Override
    public final Shape shape(Shape... in) {
        return LuShapes.batch(squareOperand(in));
    }

    @Override
    public final NDArray apply(NDArray... in) {
        Shape s = shape(in[0].dims());
        LuFactors lu = LuCache.of(in[0]);
        double[] out = new double[s.size()];
        for (int t = 0; t < out.length; t++) out[t] = of(lu, t);
        return NDArray.wrap(s, out);
    }
}
