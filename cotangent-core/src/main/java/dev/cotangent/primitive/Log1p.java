package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** log(1+x), accurate near 0; derivative 1/(1+x). */
public final class Log1p extends Unary implements ScalarRule {
    public static final Log1p INSTANCE = new Log1p();

    private Log1p() {
        super(UnaryKernel.Fn.LOG1P);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.reciprocal(Ops.add(x, Rules.ONE));
    }

    @Override
    protected boolean derivativeUsesResult() {
        return false;
    }

    @Override
    public double partial(int operand, double a, double b, double y) {
        return 1.0 / (a + 1.0);
    }
}
