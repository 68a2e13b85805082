package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** e^x − 1, accurate near 0; derivative e^x = y + 1. */
public final class Expm1 extends Unary implements ScalarRule {
    public static final Expm1 INSTANCE = new Expm1();

    private Expm1() {
        super(UnaryKernel.Fn.EXPM1);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.add(y, Rules.ONE);
    }

    @Override
    protected boolean derivativeUsesOperand() {
        return false;
    }

    @Override
    public double partial(int operand, double a, double b, double y) {
        return y + 1.0;
    }
}
