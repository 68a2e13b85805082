package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.BinaryKernel;

/** a·b; ∂/∂a = b, ∂/∂b = a. */
public final class Mul extends Binary implements ScalarRule {
    public static final Mul INSTANCE = new Mul();

    private Mul() {
        super(BinaryKernel.Fn.MUL);
    }

    @Override
    protected Tensor partialA(Tensor a, Tensor b, Tensor y) {
        return b;
    }

    @Override
    protected Tensor partialB(Tensor a, Tensor b, Tensor y) {
        return a;
    }

    /** Its VJP rule reads the operands, not the result. */
    @Override
    public boolean vjpReadsResult() {
        return false;
    }

    @Override
    public boolean commutative() {
        return true;
    }

    @Override
    public java.util.OptionalDouble identity(int operand) {
        return java.util.OptionalDouble.of(1.0);
    }

    @Override
    public double partial(int operand, double a, double b, double y) {
        return operand == 0 ? b : a;
    }

    /** Its VJP rule returns fresh arrays (two products ȳ·b and ȳ·a, each summed over broadcast axes). */
    @Override
    public boolean vjpResultsFresh() {
        return true;
    }
}
