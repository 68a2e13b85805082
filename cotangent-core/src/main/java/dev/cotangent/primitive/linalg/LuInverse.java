package dev.cotangent.primitive.linalg;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.Lapack;
import dev.cotangent.kernel.LuFactors;
import dev.cotangent.primitive.Named;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * The inverse X = A⁻¹ of every matrix of A {@code [..., n, n]}, from its LU (LAPACK getri on the cached factors,
 * {@link LuCache}). Differentiating A X = I: Ẋ = −X Ȧ X, and Ā = −Xᵀ X̄ Xᵀ; both read X only. A singular A is an
 * {@link ArithmeticException} naming the op, the shape, the matrix of the batch and the zero pivot.
 */
public final class LuInverse extends Named implements OneMatrix {
    public static final LuInverse INSTANCE = new LuInverse();

    private LuInverse() {}

    @Override
    public String name() {
        return "inv";
    }

    @Override
    public NDArray apply(NDArray... in) {
        Shape s = shape(in[0].dims());
        LuFactors lu = LuCache.nonsingular(name(), in[0]);
        double[] out = new double[s.size()];
        Lapack.getri(lu, out);
        return NDArray.wrap(s, out);
    }

    @Override
    public Tensor jvp(Tensor[] a, Tensor[] t, Tensor x) {
        return Ops.neg(Ops.matmul(Ops.matmul(x, t[0], false, false), x, false, false));
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] a, Tensor x, boolean[] needed) {
        return new Tensor[] {Ops.neg(Ops.matmul(Ops.matmul(x, g, true, false), x, false, true))};
    }

    /** The rules read X = A⁻¹ only. */
    @Override
    public boolean vjpReadsOperands() {
        return false;
    }
}
