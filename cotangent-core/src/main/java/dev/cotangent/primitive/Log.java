package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** The natural logarithm; d/dx log x = 1/x. */
public final class Log extends Unary implements ScalarRule {
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

    @Override
    public double partial(int operand, double a, double b, double y) {
        return 1.0 / a;
    }
}
