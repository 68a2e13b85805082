package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** cos x; derivative −sin x. */
public final class Cos extends Unary {
    public static final Cos INSTANCE = new Cos();

    private Cos() {
        super(UnaryKernel.Fn.COS);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.neg(Ops.sin(x));
    }

    @Override
    protected boolean derivativeUsesResult() {
        return false;
    }
}
