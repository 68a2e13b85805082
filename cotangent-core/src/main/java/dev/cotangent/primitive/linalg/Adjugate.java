package dev.cotangent.primitive.linalg;

import dev.cotangent.Tensor;
import dev.cotangent.kernel.LapackAdjugate;
import dev.cotangent.primitive.Named;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * The adjugate adj(A) of every matrix of A {@code [..., n, n]}: the transposed matrix of cofactors, so that
 * adj(A) A = A adj(A) = det(A) I and ∂ det A / ∂A = adj(A)ᵀ. It exists and is smooth (a polynomial) at every A,
 * singular or not: computed as det(A) A⁻¹ where A is well-conditioned and from the SVD otherwise
 * ({@link LapackAdjugate}), so that det has its exact gradient at singular matrices (for a rank-n−1 matrix adj(A)
 * is the rank-1 matrix spanning its null spaces; below rank n−1 it is zero).
 *
 * <p>Its derivative is linear in the direction and is {@link AdjugateTangent}, exact everywhere too:
 * JVP ẏ = T(A, Ȧ), VJP Ā = T(A, Ȳᵀ)ᵀ (T(A, ·) is transposed by transposing its argument and result).
 */
public final class Adjugate extends Named implements OneMatrix {
    public static final Adjugate INSTANCE = new Adjugate();

    private Adjugate() {}

    @Override
    public String name() {
        return "adjugate";
    }

    @Override
    public NDArray apply(NDArray... in) {
        Shape s = shape(in[0].dims());
        double[] out = new double[s.size()];
        LapackAdjugate.adjugate(in[0].unsafeData(), LuCache.of(in[0]), s.dim(-1), LuShapes.count(s), out);
        return NDArray.wrap(s, out);
    }

    @Override
    public Tensor jvp(Tensor[] a, Tensor[] t, Tensor y) {
        return AdjugateTangent.of(a[0], t[0]);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] a, Tensor y, boolean[] needed) {
        return new Tensor[] {AdjugateTangent.transposed(a[0], g)};
    }

    /** The rules read A, not adj(A). */
    @Override
    public boolean vjpReadsResult() {
        return false;
    }
}
