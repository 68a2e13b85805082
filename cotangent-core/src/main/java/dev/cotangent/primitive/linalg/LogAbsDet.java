package dev.cotangent.primitive.linalg;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.LuFactors;

/**
 * log |det A| of every matrix of A {@code [..., n, n]} (result {@code [...]}): Σ log |U_ii| over the LU pivots of
 * the cached factors ({@link LuCache}), which neither overflows nor underflows where det would; −∞ for a singular
 * matrix. Its derivative is A⁻ᵀ: ẏ = tr(A⁻¹ Ȧ) and Ā = ȳ A⁻ᵀ, with A⁻¹ from {@link LuInverse} (the same factors
 * again). At a singular matrix the derivative is infinite and asking for it is inv's singular-matrix error.
 */
public final class LogAbsDet extends LuScalar {
    public static final LogAbsDet INSTANCE = new LogAbsDet();

    private LogAbsDet() {}

    @Override
    protected double of(LuFactors lu, int t) {
        return lu.logAbsDet(t);
    }

    @Override
    public String name() {
        return "log_abs_det";
    }

    @Override
    public Tensor jvp(Tensor[] a, Tensor[] t, Tensor y) {
        return LuRules.sumMatrices(Ops.mul(LuRules.mT(LuRules.inv(a[0])), t[0]));
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] a, Tensor y, boolean[] needed) {
        return new Tensor[] {Ops.mul(LuRules.perMatrix(g), LuRules.mT(LuRules.inv(a[0])))};
    }

    /** The rules read A (for its inverse), not the result. */
    @Override
    public boolean vjpReadsResult() {
        return false;
    }
}
