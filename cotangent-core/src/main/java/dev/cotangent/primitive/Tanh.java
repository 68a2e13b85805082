package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** tanh x; derivative 1 − tanh² x. */
public final class Tanh extends Unary implements ScalarRule {
    public static final Tanh INSTANCE = new Tanh();

    private Tanh() {
        super(UnaryKernel.Fn.TANH);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.sub(Rules.ONE, Ops.mul(y, y));
    }

    @Override
    protected boolean derivativeUsesOperand() {
        return false;
    }

    @Override
    public double partial(int operand, double a, double b, double y) {
        return 1.0 - y * y;
    }
}
