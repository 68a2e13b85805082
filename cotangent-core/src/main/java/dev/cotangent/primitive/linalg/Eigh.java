package dev.cotangent.primitive.linalg;

import static dev.cotangent.primitive.linalg.SpectralRules.diagEmbed;
import static dev.cotangent.primitive.linalg.SpectralRules.diagonal;
import static dev.cotangent.primitive.linalg.SpectralRules.differences;
import static dev.cotangent.primitive.linalg.SpectralRules.lowerCotangent;
import static dev.cotangent.primitive.linalg.SpectralRules.offDiagonalReciprocal;
import static dev.cotangent.primitive.linalg.SpectralRules.plus;
import static dev.cotangent.primitive.linalg.SpectralRules.row;
import static dev.cotangent.primitive.linalg.SpectralRules.symmetricFromLower;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.LapackSpectral;
import dev.cotangent.primitive.Named;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * The symmetric eigendecomposition A = V diag(w) Vᵀ (LAPACK dsyevd), batched over leading axes, with two results:
 * the eigenvalues w [.., n] ascending and the eigenvectors V [.., n, n], column V[.., :, i] belonging to w[.., i].
 * Only the lower triangle of the operand a is read: the matrix decomposed is A = tril(a) + tril(a, −1)ᵀ, and the
 * strict upper triangle of a has zero derivative. Each eigenvector has its largest-magnitude component positive.
 *
 * <p>Rules, with P = Vᵀ Ȧ V and F_ij = 1/(w_j − w_i) for i ≠ j, F_ii = 0:
 * <ul>
 *   <li>JVP: Ȧ = tril(ȧ) + tril(ȧ, −1)ᵀ; ẇ = diag(P); V̇ = V (F ⊙ P).</li>
 *   <li>VJP: Ā = V (diag(w̄) + F ⊙ (Vᵀ V̄)) Vᵀ, returned as the cotangent of the lower triangle,
 *       ā = tril(Ā + Āᵀ) − diag(Ā) (strict upper triangle exactly zero). A zero eigenvector cotangent skips the
 *       F term entirely, so a function of the eigenvalues alone has a finite gradient even where eigenvalues
 *       repeat (at the identity, for instance).</li>
 * </ul>
 * Degenerate points: where two eigenvalues are equal and the eigenvectors are used, the eigenvectors are not
 * differentiable; the rule divides by w_j − w_i = 0 and gives ±∞ or NaN (never a silently finite value), and
 * anomaly mode ({@code AD.detectAnomaly}) names eigh. The forward-mode rule always computes V̇, so under
 * anomaly mode a jvp at a degenerate point fails even when only ẇ (which is finite) is used.
 */
public final class Eigh extends Named {
    public static final Eigh INSTANCE = new Eigh();

    private Eigh() {}

    @Override
    public String name() {
        return "eigh";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public int results() {
        return 2;
    }

    @Override
    public Shape[] shapes(Shape... in) {
        if (in.length != 1) throw new IllegalArgumentException("eigh: takes 1 operand, got " + in.length);
        int[] mn = SpectralRules.matrixDims(name(), in[0]);
        if (mn[0] != mn[1]) {
            throw new IllegalArgumentException("eigh: " + in[0] + ": needs square matrices in the last two axes, got "
                    + mn[0] + "x" + mn[1]);
        }
        return new Shape[] {SpectralRules.batchThen(in[0], mn[0]), in[0]};
    }

    @Override
    public NDArray[] applyAll(NDArray... in) {
        Shape[] out = shapes(in[0].dims());
        int n = out[1].dim(-1);
        int count = SpectralRules.count(in[0].dims());
        double[] w = new double[count * n];
        double[] v = new double[count * n * n];
        LapackSpectral.eigh(count, n, in[0].unsafeData(), w, v);
        return new NDArray[] {NDArray.wrap(out[0], w), NDArray.wrap(out[1], v)};
    }

    @Override
    public Tensor[] jvpAll(Tensor[] x, Tensor[] t, Tensor[] y) {
        Tensor w = y[0];
        Tensor v = y[1];
        Tensor p = Ops.matmul(v, Ops.matmul(symmetricFromLower(t[0]), v), true, false);
        Tensor dv = Ops.matmul(v, Ops.mul(gapReciprocals(w), p));
        return new Tensor[] {diagonal(p), dv};
    }

    @Override
    public Tensor[] vjpAll(Tensor[] ct, Tensor[] x, Tensor[] y, boolean[] needed) {
        Tensor w = y[0];
        Tensor v = y[1];
        Tensor abar;
        if (ct[1] == null) {
            // V diag(w̄) Vᵀ with one product: scale V's columns, then multiply by Vᵀ
            abar = Ops.matmul(Ops.mul(v, row(ct[0])), v, false, true);
        } else {
            Tensor mid = Ops.mul(gapReciprocals(w), Ops.matmul(v, ct[1], true, false));
            if (ct[0] != null) mid = plus(mid, diagEmbed(ct[0]));
            abar = Ops.matmul(Ops.matmul(v, mid), v, false, true);
        }
        return new Tensor[] {lowerCotangent(abar)};
    }

    /** F_ij = 1/(w_j − w_i) off the diagonal, 0 on it. */
    private static Tensor gapReciprocals(Tensor w) {
        return offDiagonalReciprocal(differences(w));
    }

    /** The operand's batch axis is one more leading axis, which eigh batches over already. */
    @Override
    public Tensor[] batchAll(Tensor[] args, boolean[] batched, int size) {
        return Ops.applyAll(this, args[0]);
    }

    /** Its rules read the results (w and V), not the operand. */
    @Override
    public boolean vjpReadsOperands() {
        return false;
    }
}
