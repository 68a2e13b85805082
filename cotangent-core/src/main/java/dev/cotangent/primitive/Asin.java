package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** arcsin x; derivative 1/√(1−x²). */
public final class Asin extends Unary {
    public static final Asin INSTANCE = new Asin();

    private Asin() {
        super(UnaryKernel.Fn.ASIN);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.reciprocal(Ops.sqrt(Ops.sub(Rules.ONE, Ops.mul(x, x))));
    }

    @Override
    protected boolean derivativeUsesResult() {
        return false;
    }
}
