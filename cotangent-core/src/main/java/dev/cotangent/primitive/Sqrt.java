package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** √x; derivative 1/(2√x), +∞ at 0 (the documented convention). */
public final class Sqrt extends Unary implements ScalarRule {
    public static final Sqrt INSTANCE = new Sqrt();

    private Sqrt() {
        super(UnaryKernel.Fn.SQRT);
    }

    @Override
    public boolean infiniteDerivativeIsConvention() {
        return true;
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.div(Rules.HALF, y);
    }

    @Override
    protected boolean derivativeUsesOperand() {
        return false;
    }

    @Override
    public double partial(int operand, double a, double b, double y) {
        return 0.5 / y;
    }
}
