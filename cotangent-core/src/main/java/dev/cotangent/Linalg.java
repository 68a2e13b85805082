package dev.cotangent;

import dev.cotangent.primitive.linalg.Adjugate;
import dev.cotangent.primitive.linalg.Cholesky;
import dev.cotangent.primitive.linalg.Det;
import dev.cotangent.primitive.linalg.DetSign;
import dev.cotangent.primitive.linalg.LogAbsDet;
import dev.cotangent.primitive.linalg.LuInverse;
import dev.cotangent.primitive.linalg.LuRules;

/**
 * Matrix functions with exact derivatives, through LAPACK: every op works on a matrix {@code [n, n]} or a stack of
 * them {@code [..., n, n]} (the leading axes are batch axes, which broadcast between operands as matmul's do), is
 * differentiable in forward and reverse mode to any order, and works under vmap.
 *
 * <p>Conventions. A singular matrix in {@link #solve} or {@link #inv} and a matrix that is not positive definite
 * in {@link #cholesky} are an {@link ArithmeticException} naming the op, the shape, the matrix of the batch and the
 * zero pivot or leading minor; wrong shapes are an {@link IllegalArgumentException} naming the op and the shapes.
 * {@link #cholesky} reads the lower triangle only and {@link #triangularSolve} the triangle it is told to; the
 * other triangle gets an exactly zero cotangent. Factorizations are reused: the LU made by solve, inv, det or
 * logAbsDet of a matrix serves their derivative rules and the other LU-based ops on the same matrix.
 */
public final class Linalg {
    private Linalg() {}

    // ---- LU and Cholesky family (solve, cholesky, triangular solves, inverse, determinants) ----

    /**
     * x with a x = b, by LU with partial pivoting: a {@code [..., n, n]}, b {@code [..., n, k]} (result
     * {@code [..., n, k]}, batch axes broadcast), or a {@code [n, n]} and b {@code [n]} (result {@code [n]}).
     */
    public static Tensor solve(Tensor a, Tensor b) {
        if (b.rank() == 1 && a.rank() == 2) {
            return Ops.reshape(LuRules.solve(a, Ops.reshape(b, b.size(), 1), false), b.size());
        }
        return LuRules.solve(a, b, false);
    }

    /**
     * The Cholesky factor L of a symmetric positive definite a {@code [..., n, n]}: lower triangular with a positive
     * diagonal, a = L Lᵀ. Only the lower triangle of a is read (a's symmetric matrix is tril(a) + tril(a, −1)ᵀ).
     */
    public static Tensor cholesky(Tensor a) {
        return Ops.apply(Cholesky.INSTANCE, a);
    }

    /**
     * x with T x = b, where T is the lower triangle of a (diagonal included) if {@code lower}, else the upper one;
     * only that triangle of a is read. a {@code [..., n, n]}, b {@code [..., n, k]}, batch axes broadcast.
     */
    public static Tensor triangularSolve(Tensor a, Tensor b, boolean lower) {
        return LuRules.triangularSolve(a, b, lower, false);
    }

    /** x with a x = b given the Cholesky factor L of a (L Lᵀ x = b): two triangular solves, L y = b, Lᵀ x = y. */
    public static Tensor choleskySolve(Tensor l, Tensor b) {
        if (b.rank() == 1 && l.rank() == 2) {
            return Ops.reshape(choleskySolve(l, Ops.reshape(b, b.size(), 1)), b.size());
        }
        return LuRules.triangularSolve(l, LuRules.triangularSolve(l, b, true, false), true, true);
    }

    /** The inverse of every matrix of a {@code [..., n, n]}. Prefer {@link #solve} to multiplying by it. */
    public static Tensor inv(Tensor a) {
        return Ops.apply(LuInverse.INSTANCE, a);
    }

    /**
     * det a of every matrix of a {@code [..., n, n]}, result {@code [...]}. Its gradient is the adjugate transposed,
     * adj(a)ᵀ (= det(a) a⁻ᵀ where a is invertible), exact at singular matrices too, as are second derivatives.
     */
    public static Tensor det(Tensor a) {
        return Ops.apply(Det.INSTANCE, a);
    }

    /**
     * log |det a| of every matrix of a {@code [..., n, n]}, result {@code [...]}, without the overflow of det; −∞
     * for a singular matrix, where its gradient a⁻ᵀ does not exist (asking for it is inv's singular error).
     */
    public static Tensor logAbsDet(Tensor a) {
        return Ops.apply(LogAbsDet.INSTANCE, a);
    }

    /** The sign of det a (−1, 0 or 1) of every matrix, result {@code [...]}; zero derivative. */
    public static Tensor signDet(Tensor a) {
        return Ops.apply(DetSign.INSTANCE, a);
    }

    /** The adjugate adj(a) (transposed cofactors: adj(a) a = det(a) I) of every matrix; smooth everywhere. */
    public static Tensor adjugate(Tensor a) {
        return Ops.apply(Adjugate.INSTANCE, a);
    }

    /** The transpose of every matrix: the last two axes swapped. */
    public static Tensor matrixTranspose(Tensor a) {
        if (a.rank() < 2) {
            throw new IllegalArgumentException("matrixTranspose: a has shape " + a.dims() + "; it needs rank >= 2");
        }
        return LuRules.mT(a);
    }

    /** The diagonal of every matrix: {@code [..., m, n] -> [..., min(m, n)]}. */
    public static Tensor diagonal(Tensor a) {
        return LuRules.diagonal(a);
    }

    /** The trace of every matrix: {@code [..., m, n] -> [...]}. */
    public static Tensor trace(Tensor a) {
        return LuRules.trace(a);
    }

    // ---- spectral decompositions (eigh, svd, qr); conventions in Spectral's javadoc ----

    /**
     * The eigendecomposition of a symmetric matrix, of which only the lower triangle is read:
     * {@code {w [.., n] ascending, v [.., n, n]}}, column {@code v[.., :, i]} the unit eigenvector of
     * {@code w[.., i]}, so a = v diag(w) vᵀ. The strict upper triangle of {@code a} has zero derivative.
     */
    public static Tensor[] eigh(Tensor a) {
        return Spectral.eigh(a);
    }

    /**
     * The eigenvalues of a symmetric matrix (lower triangle read), ascending, [.., n]. Its gradient
     * V diag(w̄) Vᵀ is finite even where eigenvalues repeat.
     */
    public static Tensor eigvalsh(Tensor a) {
        return Spectral.eigvalsh(a);
    }

    /**
     * The reduced SVD of a [.., m, n]: {@code {u [.., m, k], s [.., k] descending, vt [.., k, n]}} with
     * k = min(m, n), so a = u diag(s) vt.
     */
    public static Tensor[] svd(Tensor a) {
        return Spectral.svd(a);
    }

    /** The singular values, descending, [.., k]; the gradient U diag(s̄) Vᵀ is finite where they repeat. */
    public static Tensor svdvals(Tensor a) {
        return Spectral.svdvals(a);
    }

    /**
     * The reduced QR decomposition of a [.., m, n]: {@code {q [.., m, k], r [.., k, n]}} with k = min(m, n),
     * q with orthonormal columns and r upper triangular with a non-negative diagonal. Differentiable where a has
     * full rank (for m &lt; n: where its first m columns do).
     */
    public static Tensor[] qr(Tensor a) {
        return Spectral.qr(a);
    }

    /**
     * The Moore–Penrose pseudo-inverse of a matrix of full rank, [.., n, m] for a [.., m, n]: R⁻¹ Qᵀ from the QR
     * of a (m ≥ n), or of aᵀ (m &lt; n), with a triangular solve. Built on QR rather than on the SVD so that its
     * derivative exists wherever the rank is full, repeated singular values included (pinv of an orthogonal
     * matrix). A rank-deficient matrix is an error when R has an exact zero on its diagonal and gives huge
     * values when it is nearly so.
     */
    public static Tensor pinv(Tensor a) {
        return Spectral.pinv(a);
    }

    /**
     * The least-squares solution x [.., n, k] of a x ≈ b for a [.., m, n] of full rank and b [.., m, k] (batch axes
     * broadcast): for m ≥ n the x minimising ‖a x − b‖ (x = R⁻¹ Qᵀ b); for m &lt; n the solution of a x = b of
     * least norm (x = Q R⁻ᵀ b, with aᵀ = Q R). Differentiable, with QR's conditions.
     */
    public static Tensor lstsq(Tensor a, Tensor b) {
        return Spectral.lstsq(a, b);
    }

    /**
     * A matrix norm over the last two axes, [..]: {@code "fro"} the Frobenius norm √Σ a_ij² (its gradient at 0 is
     * NaN), {@code "nuc"} the nuclear norm Σ s_i (gradient U Vᵀ), {@code "2"} the spectral norm s_max (gradient
     * u₁ v₁ᵀ). The nuclear and spectral norms use the singular values alone, so their gradients are finite where
     * singular values repeat (there they are one subgradient of several).
     */
    public static Tensor matrixNorm(Tensor a, String ord) {
        return Spectral.matrixNorm(a, ord);
    }
}
