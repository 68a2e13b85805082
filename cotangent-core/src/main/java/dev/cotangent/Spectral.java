package dev.cotangent;

import dev.cotangent.primitive.linalg.Eigh;
import dev.cotangent.primitive.linalg.Qr;
import dev.cotangent.primitive.linalg.QrTriangularSolve;
import dev.cotangent.primitive.linalg.Svd;
import dev.cotangent.tensor.Shape;

/**
 * The spectral half of the linear algebra ({@link Linalg} delegates here): symmetric eigendecomposition, SVD, QR,
 * and what is built on them. Every function is batched over leading axes (the matrices are the last two),
 * differentiable in forward and reverse mode to any order, and works under vmap.
 *
 * <p>Conventions (LAPACK's factorisations, plus a sign rule so that results do not depend on LAPACK's algorithm
 * path): each eigenvector, and each left singular vector, has its largest-magnitude component positive (a
 * singular pair flips together); R of a QR has a non-negative diagonal. Sign-invariant quantities (v vᵀ, |v|,
 * U diag(s) Vᵀ) are what to rely on.
 *
 * <p>Degenerate points: the derivative of eigenvectors (singular vectors) does not exist where eigenvalues
 * (singular values) repeat. A function of the eigenvalues or singular values alone is fine there (its
 * gradient skips the vector terms); one that uses the vectors gets ±∞ or NaN, and {@code AD.detectAnomaly}
 * names the op. See {@link Eigh}, {@link Svd} and {@link Qr} for the rules.
 */
final class Spectral {
    private static final QrTriangularSolve SOLVE = new QrTriangularSolve(false);
    private static final QrTriangularSolve SOLVE_TRANSPOSED = new QrTriangularSolve(true);

    private Spectral() {}

    /**
     * The eigendecomposition of a symmetric matrix, of which only the lower triangle is read:
     * {@code {w [.., n] ascending, v [.., n, n]}}, column {@code v[.., :, i]} the unit eigenvector of
     * {@code w[.., i]}, so a = v diag(w) vᵀ. The strict upper triangle of {@code a} has zero derivative.
     */
    public static Tensor[] eigh(Tensor a) {
        return Ops.applyAll(Eigh.INSTANCE, a);
    }

    /**
     * The eigenvalues of a symmetric matrix (lower triangle read), ascending, [.., n]. Its gradient
     * V diag(w̄) Vᵀ is finite even where eigenvalues repeat.
     */
    public static Tensor eigvalsh(Tensor a) {
        return eigh(a)[0];
    }

    /**
     * The reduced SVD of a [.., m, n]: {@code {u [.., m, k], s [.., k] descending, vt [.., k, n]}} with
     * k = min(m, n), so a = u diag(s) vt.
     */
    public static Tensor[] svd(Tensor a) {
        return Ops.applyAll(Svd.INSTANCE, a);
    }

    /** The singular values, descending, [.., k]; the gradient U diag(s̄) Vᵀ is finite where they repeat. */
    public static Tensor svdvals(Tensor a) {
        return svd(a)[1];
    }

    /**
     * The reduced QR decomposition of a [.., m, n]: {@code {q [.., m, k], r [.., k, n]}} with k = min(m, n),
     * q with orthonormal columns and r upper triangular with a non-negative diagonal. Differentiable where a has
     * full rank (for m &lt; n: where its first m columns do).
     */
    public static Tensor[] qr(Tensor a) {
        return Ops.applyAll(Qr.INSTANCE, a);
    }

    /**
     * The Moore–Penrose pseudo-inverse of a matrix of full rank, [.., n, m] for a [.., m, n]: R⁻¹ Qᵀ from the QR
     * of a (m ≥ n), or of aᵀ (m &lt; n), with a triangular solve. Built on QR rather than on the SVD so that its
     * derivative exists wherever the rank is full, repeated singular values included (pinv of an orthogonal
     * matrix). A rank-deficient matrix is an error when R has an exact zero on its diagonal and gives huge
     * values when it is nearly so.
     */
    public static Tensor pinv(Tensor a) {
        int[] mn = matrix("pinv", a);
        if (mn[0] < mn[1]) return mT(pinv(mT(a)));
        Tensor[] qr = qr(a);
        return Ops.apply(SOLVE, qr[1], mT(qr[0]));
    }

    /**
     * The least-squares solution x [.., n, k] of a x ≈ b for a [.., m, n] of full rank and b [.., m, k] (batch axes
     * broadcast): for m ≥ n the x minimising ‖a x − b‖ (x = R⁻¹ Qᵀ b); for m &lt; n the solution of a x = b of
     * least norm (x = Q R⁻ᵀ b, with aᵀ = Q R). Differentiable, with QR's conditions.
     */
    public static Tensor lstsq(Tensor a, Tensor b) {
        int[] mn = matrix("lstsq", a);
        matrix("lstsq", b);
        if (b.dims().dim(-2) != mn[0]) {
            throw new IllegalArgumentException("lstsq: " + a.dims() + " and " + b.dims() + ": b needs as many rows as "
                    + "a (" + mn[0] + ")");
        }
        Shape batch = Shape.broadcast("lstsq", batchOf(a), batchOf(b));
        a = Ops.broadcastTo(a, withMatrix(batch, mn[0], mn[1]));
        b = Ops.broadcastTo(b, withMatrix(batch, mn[0], b.dims().dim(-1)));
        if (mn[0] >= mn[1]) {
            Tensor[] qr = qr(a);
            return Ops.apply(SOLVE, qr[1], Ops.matmul(qr[0], b, true, false));
        }
        Tensor[] qr = qr(mT(a));
        return Ops.matmul(qr[0], Ops.apply(SOLVE_TRANSPOSED, qr[1], b));
    }

    /**
     * A matrix norm over the last two axes, [..]: {@code "fro"} the Frobenius norm √Σ a_ij² (its gradient at 0 is
     * NaN), {@code "nuc"} the nuclear norm Σ s_i (gradient U Vᵀ), {@code "2"} the spectral norm s_max (gradient
     * u₁ v₁ᵀ). The nuclear and spectral norms use the singular values alone, so their gradients are finite where
     * singular values repeat (there they are one subgradient of several).
     */
    public static Tensor matrixNorm(Tensor a, String ord) {
        matrix("matrixNorm", a);
        switch (ord) {
            case "fro":
                return Ops.sqrt(Ops.sum(Ops.mul(a, a), false, -2, -1));
            case "nuc":
                return Ops.sum(svdvals(a), false, -1);
            case "2":
                Tensor s = svdvals(a);
                return Ops.squeeze(Ops.slice(s, -1, 0, 1), -1);
            default:
                throw new IllegalArgumentException("matrixNorm: unknown norm \"" + ord + "\"; use \"fro\" (Frobenius), "
                        + "\"nuc\" (nuclear) or \"2\" (spectral)");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static int[] matrix(String op, Tensor a) {
        if (a.rank() < 2) {
            throw new IllegalArgumentException(op + ": " + a.dims() + ": needs a matrix or a batch of matrices "
                    + "(rank >= 2, the matrices in the last two axes)");
        }
        return new int[] {a.dims().dim(-2), a.dims().dim(-1)};
    }

    private static Tensor mT(Tensor x) {
        int r = x.rank();
        int[] p = new int[r];
        for (int i = 0; i < r; i++) p[i] = i;
        p[r - 2] = r - 1;
        p[r - 1] = r - 2;
        return Ops.permute(x, p);
    }

    private static Shape batchOf(Tensor x) {
        int[] d = x.shape();
        return Shape.of(java.util.Arrays.copyOf(d, d.length - 2));
    }

    private static Shape withMatrix(Shape batch, int rows, int cols) {
        int[] d = java.util.Arrays.copyOf(batch.dims(), batch.rank() + 2);
        d[batch.rank()] = rows;
        d[batch.rank() + 1] = cols;
        return Shape.of(d);
    }
}
