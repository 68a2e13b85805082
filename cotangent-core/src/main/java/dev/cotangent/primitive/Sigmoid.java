package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** The logistic σ(x) = 1/(1+e^−x), stable for either sign; derivative σ(1−σ). */
public final class Sigmoid extends Unary implements ScalarRule {
    public static final Sigmoid INSTANCE = new Sigmoid();

    private Sigmoid() {
        super(UnaryKernel.Fn.SIGMOID);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.mul(y, Ops.sub(Rules.ONE, y));
    }

    @Override
    protected boolean derivativeUsesOperand() {
        return false;
    }

    @Override
    public double partial(int operand, double a, double b, double y) {
        return y * (1.0 - y);
    }
}
