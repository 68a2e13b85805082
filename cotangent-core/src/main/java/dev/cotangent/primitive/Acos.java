package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** arccos x; derivative −1/√(1−x²). */
public final class Acos extends Unary {
    public static final Acos INSTANCE = new Acos();

    private Acos() {
        super(UnaryKernel.Fn.ACOS);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.neg(Ops.reciprocal(Ops.sqrt(Ops.sub(Rules.ONE, Ops.mul(x, x)))));
    }

    @Override
    protected boolean derivativeUsesResult() {
        return false;
    }
}
