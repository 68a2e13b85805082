package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** cosh x; derivative sinh x. */
public final class Cosh extends Unary implements ScalarRule {
    public static final Cosh INSTANCE = new Cosh();

    private Cosh() {
        super(UnaryKernel.Fn.COSH);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.sinh(x);
    }

    @Override
    protected boolean derivativeUsesResult() {
        return false;
    }

    @Override
    public double partial(int operand, double a, double b, double y) {
        return Math.sinh(a);
    }
}
