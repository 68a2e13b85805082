package dev.cotangent.primitive.linalg;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * The ops that the rules of the LU/Cholesky family (and {@code Linalg}) are written with: matrix transpose,
 * per-matrix sums, triangle masks, the diagonal, and the family's primitives bound to the innermost trace. All are
 * traceable, so the rules built from them are differentiable again.
 */
public final class LuRules {
    private LuRules() {}

    /** x with op(a) x = b by LU (op the transpose when {@code transpose}); see {@link Solve}. */
    public static Tensor solve(Tensor a, Tensor b, boolean transpose) {
        return Ops.apply(new Solve(transpose), a, b);
    }

    /** x with op(T) x = b for the triangle T of a named by {@code lower}; see {@link TriangularSolve}. */
    public static Tensor triangularSolve(Tensor a, Tensor b, boolean lower, boolean transpose) {
        return Ops.apply(new TriangularSolve(lower, transpose), a, b);
    }

    public static Tensor inv(Tensor a) {
        return Ops.apply(LuInverse.INSTANCE, a);
    }

    public static Tensor det(Tensor a) {
        return Ops.apply(Det.INSTANCE, a);
    }

    public static Tensor adjugate(Tensor a) {
        return Ops.apply(Adjugate.INSTANCE, a);
    }

    /** The transpose of every matrix: the last two axes swapped. */
    public static Tensor mT(Tensor x) {
        int r = x.rank();
        int[] p = new int[r];
        for (int i = 0; i < r; i++) p[i] = i;
        p[r - 2] = r - 1;
        p[r - 1] = r - 2;
        return Ops.permute(x, p);
    }

    /** Σ_ij x_ij of every matrix: {@code [..., m, n] -> [...]}. */
    static Tensor sumMatrices(Tensor x) {
        return Ops.sum(x, false, -2, -1);
    }

    /** A value per matrix, {@code [...]}, as {@code [..., 1, 1]} to broadcast against the matrices. */
    static Tensor perMatrix(Tensor y) {
        int[] d = java.util.Arrays.copyOf(y.shape(), y.rank() + 2);
        d[y.rank()] = 1;
        d[y.rank() + 1] = 1;
        return Ops.reshape(y, d);
    }

    /**
     * The constant n×n mask with {@code diagonal} on the diagonal, {@code below} under it and {@code above} over it
     * (a triangle: 1, 1, 0; Cholesky's Φ: ½, 1, 0).
     */
    static Tensor mask(int n, double diagonal, double below, double above) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) m[i * n + j] = i == j ? diagonal : i > j ? below : above;
        }
        return Tensor.from(NDArray.wrap(Shape.of(n, n), m));
    }

    /** The triangle of every matrix of x (n×n) named by {@code lower}, diagonal included; zeros elsewhere. */
    static Tensor triangle(Tensor x, boolean lower) {
        int n = x.dims().dim(-1);
        return Ops.mul(x, mask(n, 1, lower ? 1 : 0, lower ? 0 : 1));
    }

    /** The diagonal of every matrix: {@code [..., m, n] -> [..., min(m, n)]} (a take on the flattened matrices). */
    public static Tensor diagonal(Tensor x) {
        if (x.rank() < 2) {
            throw new IllegalArgumentException("diagonal: x has shape " + x.dims() + "; it needs a matrix or a stack "
                    + "of them, shape [..., m, n] (rank >= 2)");
        }
        int m = x.dims().dim(-2);
        int n = x.dims().dim(-1);
        int[] flat = java.util.Arrays.copyOf(x.shape(), x.rank() - 1);
        flat[flat.length - 1] = m * n;
        int[] idx = new int[Math.min(m, n)];
        for (int i = 0; i < idx.length; i++) idx[i] = i * (n + 1);
        return Ops.take(Ops.reshape(x, flat), idx, -1);
    }

    /** The trace Σ_i x_ii of every matrix: {@code [..., m, n] -> [...]}. */
    public static Tensor trace(Tensor x) {
        return Ops.sum(diagonal(x), false, -1);
    }
}
