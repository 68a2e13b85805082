package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.BinaryKernel;

/** a^b; ∂/∂a = b·a^(b−1), ∂/∂b = a^b·log a, taken as 0 where a = 0 (the limit for b > 0), and
 * computed with a safe log so that no NaN leaks into higher derivatives. */
public final class Pow extends Binary {
    public static final Pow INSTANCE = new Pow();

    private Pow() {
        super(BinaryKernel.Fn.POW);
    }

    @Override
    protected Tensor partialA(Tensor a, Tensor b, Tensor y) {
        return Ops.mul(b, Ops.pow(a, Ops.sub(b, Rules.ONE)));
    }

    @Override
    protected Tensor partialB(Tensor a, Tensor b, Tensor y) {
        return Ops.where(Ops.eq(a, Rules.ZERO), Rules.ZERO, Ops.mul(y, Ops.log(Ops.where(Ops.eq(a, Rules.ZERO), Rules.ONE, a))));
    }
}
