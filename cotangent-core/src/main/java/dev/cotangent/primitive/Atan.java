package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** arctan x; derivative 1/(1+x²). */
public final class Atan extends Unary {
    public static final Atan INSTANCE = new Atan();

    private Atan() {
        super(UnaryKernel.Fn.ATAN);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.reciprocal(Ops.add(Rules.ONE, Ops.mul(x, x)));
    }

    @Override
    protected boolean derivativeUsesResult() {
        return false;
    }
}
