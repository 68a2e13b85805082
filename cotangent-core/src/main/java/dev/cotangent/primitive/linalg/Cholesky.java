package dev.cotangent.primitive.linalg;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.Lapack;
import dev.cotangent.primitive.Named;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * The Cholesky factor L of a symmetric positive definite A {@code [..., n, n]} (LAPACK potrf): L lower triangular
 * with a positive diagonal and A = L Lᵀ. Only the lower triangle of A is read, so the function differentiated is
 * L(S) with S = tril(A) + tril(A, −1)ᵀ, and the strict upper triangle of A gets an exactly zero cotangent. With
 * Φ(X) the lower triangle of X with its diagonal halved:
 * <ul>
 *   <li>JVP: L̇ = L Φ(L⁻¹ Ṡ L⁻ᵀ);</li>
 *   <li>VJP: with G = L⁻ᵀ Φ(Lᵀ L̄) L⁻¹, Ā = tril(G) + tril(Gᵀ, −1).</li>
 * </ul>
 * Both apply L⁻¹ and L⁻ᵀ as triangular solves ({@link TriangularSolve}), never through an inverse, and read only
 * L. A matrix that is not positive definite is an {@link ArithmeticException} naming the op, the shape, the matrix
 * of the batch and the order of the leading minor that is not positive.
 */
public final class Cholesky extends Named implements OneMatrix {
    public static final Cholesky INSTANCE = new Cholesky();

    private Cholesky() {}

    @Override
    public String name() {
        return "cholesky";
    }

    @Override
    public NDArray apply(NDArray... in) {
        Shape s = shape(in[0].dims());
        int n = s.dim(-1);
        double[] out = new double[s.size()];
        int[] info = Lapack.potrf(in[0].unsafeData(), n, LuShapes.count(s), out);
        for (int t = 0; t < info.length; t++) {
            if (info[t] > 0) {
                throw new ArithmeticException(name() + ": a of shape " + s + " is not positive definite"
                        + LuShapes.at(LuShapes.batch(s), t) + ": its leading minor of order " + info[t]
                        + " (rows and columns 0.." + (info[t] - 1) + ", read from the lower triangle) is not positive");
            }
        }
        return NDArray.wrap(s, out);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor l) {
        int n = l.dims().dim(-1);
        Tensor da = t[0];
        Tensor sym = Ops.add(Ops.mul(da, LuRules.mask(n, 1, 1, 0)), LuRules.mT(Ops.mul(da, LuRules.mask(n, 0, 1, 0))));
        Tensor y = LuRules.triangularSolve(l, sym, true, false);
        Tensor z = LuRules.triangularSolve(l, LuRules.mT(y), true, false);
        return Ops.matmul(l, Ops.mul(z, LuRules.mask(n, 0.5, 1, 0)), false, false);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor l, boolean[] needed) {
        int n = l.dims().dim(-1);
        Tensor p = Ops.mul(Ops.matmul(l, g, true, false), LuRules.mask(n, 0.5, 1, 0));
        Tensor y = LuRules.triangularSolve(l, p, true, true);
        Tensor h = LuRules.triangularSolve(l, LuRules.mT(y), true, true); // Gᵀ
        Tensor ga = Ops.add(Ops.mul(LuRules.mT(h), LuRules.mask(n, 1, 1, 0)), Ops.mul(h, LuRules.mask(n, 0, 1, 0)));
        return new Tensor[] {ga};
    }

    /** The rules read L only. */
    @Override
    public boolean vjpReadsOperands() {
        return false;
    }
}
