package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** sin x; derivative cos x. */
public final class Sin extends Unary implements ScalarRule {
    public static final Sin INSTANCE = new Sin();

    private Sin() {
        super(UnaryKernel.Fn.SIN);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.cos(x);
    }

    @Override
    protected boolean derivativeUsesResult() {
        return false;
    }

    @Override
    public double partial(int operand, double a, double b, double y) {
        return Math.cos(a);
    }
}
