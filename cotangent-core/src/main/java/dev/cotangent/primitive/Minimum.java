package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.BinaryKernel;

/** min(a, b) elementwise; on ties the derivative is split equally (½ to each operand). */
public final class Minimum extends Binary {
    public static final Minimum INSTANCE = new Minimum();

    private Minimum() {
        super(BinaryKernel.Fn.MINIMUM);
    }

    @Override
    protected Tensor partialA(Tensor a, Tensor b, Tensor y) {
        return Ops.add(Ops.lt(a, b), Ops.mul(Rules.HALF, Ops.eq(a, b)));
    }

    @Override
    protected Tensor partialB(Tensor a, Tensor b, Tensor y) {
        return Ops.add(Ops.gt(a, b), Ops.mul(Rules.HALF, Ops.eq(a, b)));
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
}
