package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** |x|; derivative sign(x), so abs'(0) = 0 by convention. */
public final class Abs extends Unary implements ScalarRule {
    public static final Abs INSTANCE = new Abs();

    private Abs() {
        super(UnaryKernel.Fn.ABS);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.sign(x);
    }

    @Override
    protected boolean derivativeUsesResult() {
        return false;
    }

    @Override
    public double partial(int operand, double a, double b, double y) {
        return Math.signum(a);
    }
}
