package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.BinaryKernel;

/**
 * a^b; ∂/∂a = b·a^(b−1), taken as exactly 0 where b = 0 (so x⁰ has derivative 0 even at x = 0, where
 * b·a^(b−1) would be 0·∞), and ∂/∂b = a^b·log a, taken as 0 where a = 0 (the limit for b > 0), computed with a
 * safe log. The rule of ∂/∂a is itself a power with exponent b − 1, so the same guard applies at every order:
 * dᵏ/dxᵏ xⁿ at x = 0 is exact (0 for k > n, n! for k = n).
 */
public final class Pow extends Binary {
    public static final Pow INSTANCE = new Pow();

    private Pow() {
        super(BinaryKernel.Fn.POW);
    }

    @Override
    protected Tensor partialA(Tensor a, Tensor b, Tensor y) {
        // where b = 0 the power is never formed (its base is replaced by 1), so no ∞ from 0^(−1) meets a zero
        // cotangent at the next order
        Tensor zero = Ops.eq(b, Rules.ZERO);
        return Ops.where(zero, Rules.ZERO, Ops.mul(b, Ops.pow(Ops.where(zero, Rules.ONE, a), Ops.sub(b, Rules.ONE))));
    }

    @Override
    protected Tensor partialB(Tensor a, Tensor b, Tensor y) {
        return Ops.where(Ops.eq(a, Rules.ZERO), Rules.ZERO, Ops.mul(y, Ops.log(Ops.where(Ops.eq(a, Rules.ZERO), Rules.ONE, a))));
    }
}
