package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** The natural logarithm; d/dx log x = 1/x. */
public final class Log extends Unary {
    public static final Log INSTANCE = new Log();

    private Log() {
        super(UnaryKernel.Fn.LOG);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.reciprocal(x);
    }

    @Override
    protected boolean derivativeUsesResult() {
        return false;
    }
}
