package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** tan x; derivative 1 + tan² x. */
public final class Tan extends Unary {
    public static final Tan INSTANCE = new Tan();

    private Tan() {
        super(UnaryKernel.Fn.TAN);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Ops.add(Rules.ONE, Ops.mul(y, y));
    }

    @Override
    protected boolean derivativeUsesOperand() {
        return false;
    }
}
