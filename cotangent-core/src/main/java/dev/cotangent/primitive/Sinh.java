package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** sinh x; derivative cosh x. */
public final class Sinh extends Unary implements ScalarRule {
    public static final Sinh INSTANCE = new Sinh();

    private Sinh() {
        super(UnaryKernel.Fn.SINH);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.cosh(x);
    }

    @Override
    protected boolean derivativeUsesResult() {
        return false;
    }

    @Override
    public double partial(int operand, double a, double b, double y) {
        return Math.cosh(a);
    }
}
