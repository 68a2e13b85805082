package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** arcsin x; derivative 1/√(1−x²). */
public final class Asin extends Unary {
    public static final Asin INSTANCE = new Asin();
    private static final Tensor ONE = Tensor.scalar(1.0);

    private Asin() {
        super(UnaryKernel.Fn.ASIN);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.reciprocal(Ops.sqrt(Ops.sub(ONE, Ops.mul(x, x))));
    }
}
