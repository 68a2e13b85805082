package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** log(1+e^x) in the stable form max(x,0) + log1p(e^−|x|); derivative σ(x). */
public final class Softplus extends Unary {
    public static final Softplus INSTANCE = new Softplus();

    private Softplus() {
        super(UnaryKernel.Fn.SOFTPLUS);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.sigmoid(x);
    }

    @Override
    protected boolean derivativeUsesResult() {
        return false;
    }
}
