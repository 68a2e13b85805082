package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** max(x, 0); derivative 1 for x > 0 and 0 for x ≤ 0 (relu'(0) = 0 by convention). */
public final class Relu extends Unary implements ScalarRule {
    public static final Relu INSTANCE = new Relu();

    private Relu() {
        super(UnaryKernel.Fn.RELU);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.gt(x, Rules.ZERO);
    }

    @Override
    protected boolean derivativeUsesResult() {
        return false;
    }

    @Override
    public double partial(int operand, double a, double b, double y) {
        return a > 0 ? 1.0 : 0.0;
    }
}
