package dev.cotangent.primitive.linalg;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.Lapack;
import dev.cotangent.kernel.LuFactors;
import dev.cotangent.primitive.Named;
import dev.cotangent.primitive.OneResult;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * log |det A| of every matrix of A {@code [..., n, n]} (result {@code [...]}): Σ log |U_ii| over the LU pivots of
 * the cached factors ({@link LuCache}), which neither overflows nor underflows where det would; −∞ for a singular
 * matrix. Its derivative is A⁻ᵀ: ẏ = tr(A⁻¹ Ȧ) and Ā = ȳ A⁻ᵀ, with A⁻¹ from {@link LuInverse} (the same factors
 * again). At a singular matrix the derivative is infinite and asking for it is inv's singular-matrix error.
 */
public final class LogAbsDet extends Named implements OneResult {
    public static final LogAbsDet INSTANCE = new LogAbsDet();

    private LogAbsDet() {}

    @Override
    public String name() {
        return "log_abs_det";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public Shape shape(Shape... in) {
        if (in.length != 1) throw new IllegalArgumentException(name() + ": takes 1 operand, got " + in.length);
        LuShapes.square(name(), in[0]);
        return LuShapes.batch(in[0]);
    }

    @Override
    public NDArray apply(NDArray... in) {
        Shape s = shape(in[0].dims());
        LuFactors lu = LuCache.of(in[0]);
        double[] out = new double[s.size()];
        for (int t = 0; t < out.length; t++) out[t] = lu.logAbsDet(t);
        return NDArray.wrap(s, out);
    }

    @Override
    public Tensor jvp(Tensor[] a, Tensor[] t, Tensor y) {
        return LuRules.sumMatrices(Ops.mul(LuRules.mT(LuRules.inv(a[0])), t[0]));
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] a, Tensor y, boolean[] needed) {
        return new Tensor[] {Ops.mul(LuRules.perMatrix(g), LuRules.mT(LuRules.inv(a[0])))};
    }

    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        return Ops.apply(this, args[0]);
    }

    /** The rules read A (for its inverse), not the result. */
    @Override
    public boolean vjpReadsResult() {
        return false;
    }
}
