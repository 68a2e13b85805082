package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.BinaryKernel;

/** a/b; ∂/∂a = 1/b, ∂/∂b = −a/b² = −y/b. */
public final class Div extends Binary implements ScalarRule {
    public static final Div INSTANCE = new Div();

    private Div() {
        super(BinaryKernel.Fn.DIV);
    }

    @Override
    protected Tensor partialA(Tensor a, Tensor b, Tensor y) {
        return Ops.reciprocal(b);
    }

    @Override
    protected Tensor partialB(Tensor a, Tensor b, Tensor y) {
        return Ops.neg(Ops.div(y, b));
    }

    @Override
    public java.util.OptionalDouble identity(int operand) {
        return operand == 1 ? java.util.OptionalDouble.of(1.0) : java.util.OptionalDouble.empty();
    }

    @Override
    public double partial(int operand, double a, double b, double y) {
        return operand == 0 ? 1.0 / b : -(y / b);
    }
}
