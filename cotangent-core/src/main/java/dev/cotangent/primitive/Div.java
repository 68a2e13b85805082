package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.BinaryKernel;

/** a/b; ∂/∂a = 1/b, ∂/∂b = −a/b² = −y/b. */
public final class Div extends Binary {
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
}
