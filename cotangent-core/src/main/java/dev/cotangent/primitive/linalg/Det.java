package dev.cotangent.primitive.linalg;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.LuFactors;

/**
 * det A of every matrix of A {@code [..., n, n]} (result {@code [...]}): the product of the LU pivots with the sign
 * of the row permutation, from the cached factors ({@link LuCache}). Its derivative is the adjugate (Jacobi's
 * formula), which exists everywhere, singular matrices included: ẏ = tr(adj(A) Ȧ) and Ā = ȳ adj(A)ᵀ, with
 * adj(A) from {@link Adjugate} (so at a nonsingular A, Ā = ȳ det(A) A⁻ᵀ). At a singular matrix the first
 * derivative is exact and the second is too ({@link AdjugateTangent}); see there for third order.
 */
public final class Det extends LuScalar {
    public static final Det INSTANCE = new Det();

    private Det() {}

    @Override
    protected double of(LuFactors lu, int t) {
        return lu.det(t);
    }

    @Override
    public String name() {
        return "det";
    }

    @Override
    public Tensor jvp(Tensor[] a, Tensor[] t, Tensor y) {
        return LuRules.sumMatrices(Ops.mul(LuRules.mT(LuRules.adjugate(a[0])), t[0]));
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] a, Tensor y, boolean[] needed) {
        return new Tensor[] {Ops.mul(LuRules.perMatrix(g), LuRules.mT(LuRules.adjugate(a[0])))};
    }

    /** The rules read A (for its adjugate), not det A. */
    @Override
    public boolean vjpReadsResult() {
        return false;
    }
}
