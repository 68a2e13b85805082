package dev.cotangent.primitive.linalg;

import static dev.cotangent.primitive.linalg.SpectralRules.masked;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.LapackSpectral;
import dev.cotangent.primitive.Batching;
import dev.cotangent.primitive.Named;
import dev.cotangent.primitive.OneResult;
import dev.cotangent.primitive.linalg.SpectralRules.Mask;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Map;

/**
 * X = op(R)⁻¹ B for an upper-triangular R (LAPACK dtrtrs; the strict lower triangle of R is not read and has zero
 * derivative), op(R) = Rᵀ when {@code transpose}; R [.., n, n] and B [.., n, k] with the same batch axes. It is
 * the solve that QR's derivative rules need (a triangular solve, never an inverse), closed under its own rules:
 * with R_u = triu(R),
 * <ul>
 *   <li>JVP: Ẋ = op(R)⁻¹ (Ḃ − op(Ṙ_u) X);</li>
 *   <li>VJP: B̄ = op(R)⁻ᵀ X̄ (the same primitive with the flag flipped), R̄ = −triu(B̄ Xᵀ), or −triu(X B̄ᵀ)
 *       when transposed.</li>
 * </ul>
 * A zero on R's diagonal (a rank-deficient QR) is an error naming the op, the shape and the diagonal entry. Besides
 * QR's rules, {@code Spectral.pinv} and {@code Spectral.lstsq} use it.
 */
public final class QrTriangularSolve extends Named implements OneResult {
    private final boolean transpose;

    public QrTriangularSolve(boolean transpose) {
        this.transpose = transpose;
    }

    @Override
    public String name() {
        return "qr_triangular_solve";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public Shape shape(Shape... in) {
        if (in.length != 2) throw new IllegalArgumentException(name() + ": takes 2 operands, got " + in.length);
        int[] r = SpectralRules.matrixDims(name(), in[0]);
        int[] b = SpectralRules.matrixDims(name(), in[1]);
        if (r[0] != r[1] || b[0] != r[0]
                || !SpectralRules.batchThen(in[0]).equals(SpectralRules.batchThen(in[1]))) {
            throw new IllegalArgumentException(name() + ": " + in[0] + " and " + in[1] + ": needs a square triangular "
                    + "matrix [.., n, n] and a right-hand side [.., n, k] with the same batch axes");
        }
        return in[1];
    }

    @Override
    public NDArray apply(NDArray... in) {
        Shape out = shape(in[0].dims(), in[1].dims());
        int n = out.dim(-2);
        int k = out.dim(-1);
        double[] x = new double[out.size()];
        try {
            LapackSpectral.upperTriangularSolve(SpectralRules.count(out), n, k, transpose, in[0].unsafeData(),
                    in[1].unsafeData(), x);
        } catch (ArithmeticException e) {
            throw new ArithmeticException(name() + ": " + in[0].dims() + " (the R of a QR decomposition): "
                    + e.getMessage() + "; the derivative of qr, and pinv and lstsq, need a matrix of full rank");
        }
        return NDArray.wrap(out, x);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
        Tensor rhs = t[1];
        if (t[0] != null) {
            Tensor dr = masked(t[0], Mask.UPPER);
            rhs = SpectralRules.plus(rhs, Ops.neg(Ops.matmul(dr, out, transpose, false)));
        }
        return Ops.apply(this, x[0], rhs);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor out, boolean[] needed) {
        Tensor gb = Ops.apply(new QrTriangularSolve(!transpose), x[0], g);
        Tensor gr = null;
        if (needed[0]) {
            Tensor outer = transpose ? Ops.matmul(out, gb, false, true) : Ops.matmul(gb, out, false, true);
            gr = Ops.neg(masked(outer, Mask.UPPER));
        }
        return new Tensor[] {gr, needed[1] ? gb : null};
    }

    /** Both operands get the batch axis (an unbatched one repeated), then one batched solve. */
    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        return Ops.apply(this, Batching.materialize(args[0], batched[0], size),
                Batching.materialize(args[1], batched[1], size));
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("transpose", transpose);
    }
}
