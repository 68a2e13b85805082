package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** 1/x; derivative −1/x² = −y². */
public final class Reciprocal extends Unary implements ScalarRule {
    public static final Reciprocal INSTANCE = new Reciprocal();

    private Reciprocal() {
        super(UnaryKernel.Fn.RECIPROCAL);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.neg(Ops.mul(y, y));
    }

    @Override
    protected boolean derivativeUsesOperand() {
        return false;
    }

    @Override
    public double partial(int operand, double a, double b, double y) {
        return -(y * y);
    }
}
