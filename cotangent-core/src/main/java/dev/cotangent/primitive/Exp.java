package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** e^x; d/dx e^x = e^x. */
public final class Exp extends Unary implements ScalarRule {
    public static final Exp INSTANCE = new Exp();

    private Exp() {
        super(UnaryKernel.Fn.EXP);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return y;
    }

    @Override
    protected boolean derivativeUsesOperand() {
        return false;
    }

    @Override
    public double partial(int operand, double a, double b, double y) {
        return y;
    }
}
