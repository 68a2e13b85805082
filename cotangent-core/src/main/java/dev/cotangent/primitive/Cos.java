package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** cos x; derivative −sin x. */
public final class Cos extends Unary implements ScalarRule {
    public static final Cos INSTANCE = new Cos();

    private Cos() {
        super(UnaryKernel.Fn.COS);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.neg(Ops.sin(x));
    }

    @Override
    protected boolean derivativeUsesResult() {
        return false;
    }

    @Override
    public double partial(int operand, double a, double b, double y) {
        return -Math.sin(a);
    }
}
