package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.BinaryKernel;

/** atan2(a, b), the angle of the point (b, a); ∂/∂a = b/(a²+b²), ∂/∂b = −a/(a²+b²). */
public final class Atan2 extends Binary {
    public static final Atan2 INSTANCE = new Atan2();

    private Atan2() {
        super(BinaryKernel.Fn.ATAN2);
    }

    @Override
    protected Tensor partialA(Tensor a, Tensor b, Tensor y) {
        return Ops.div(b, Ops.add(Ops.mul(a, a), Ops.mul(b, b)));
    }

    @Override
    protected Tensor partialB(Tensor a, Tensor b, Tensor y) {
        return Ops.neg(Ops.div(a, Ops.add(Ops.mul(a, a), Ops.mul(b, b))));
    }

    /** Its VJP rule reads the operands, not the result. */
    @Override
    public boolean vjpReadsResult() {
        return false;
    }
}
