package dev.cotangent.primitive.linalg;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Matrix helpers that the rules of eigh, svd and qr share, written with ops (so they are differentiable
 * themselves) and batched over leading axes: masks are constant n×n tensors that broadcast.
 */
final class SpectralRules {
    private SpectralRules() {}

    /** The last two axes swapped (xᵀ of each matrix of a batch). */
    static Tensor mT(Tensor x) {
        int r = x.rank();
        int[] p = new int[r];
        for (int i = 0; i < r; i++) p[i] = i;
        p[r - 2] = r - 1;
        p[r - 1] = r - 2;
        return Ops.permute(x, p);
    }

    /** x ⊙ mask, where mask is the n×n constant {@code kind} (see {@link #mask}). */
    static Tensor masked(Tensor x, Mask kind) {
        return Ops.mul(x, mask(kind, x.dims().dim(-1)));
    }

    /** Which entries of a square matrix a mask keeps. */
    enum Mask { EYE, OFF_DIAGONAL, LOWER, STRICT_LOWER, UPPER }

    /** Masks up to this size are kept (at most {@value #CACHED} of them): larger ones cost little next to O(n³). */
    private static final int CACHE_UP_TO = 256;
    private static final int CACHED = 16;
    private static final Map<String, Tensor> MASKS = Collections.synchronizedMap(
            new LinkedHashMap<>(CACHED, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Tensor> eldest) {
                    return size() > CACHED;
                }
            });

    /** The n×n matrix of ones where {@code kind} keeps an entry and zeros elsewhere, as a constant. */
    static Tensor mask(Mask kind, int n) {
        return n > CACHE_UP_TO ? newMask(kind, n) : MASKS.computeIfAbsent(kind + " " + n, k -> newMask(kind, n));
    }

    private static Tensor newMask(Mask kind, int n) {
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            switch (kind) {
                case EYE -> d[i * n + i] = 1;
                case OFF_DIAGONAL -> {
                    java.util.Arrays.fill(d, i * n, (i + 1) * n, 1);
                    d[i * n + i] = 0;
                }
                case LOWER -> java.util.Arrays.fill(d, i * n, i * n + i + 1, 1);
                case STRICT_LOWER -> java.util.Arrays.fill(d, i * n, i * n + i, 1);
                case UPPER -> java.util.Arrays.fill(d, i * n + i, (i + 1) * n, 1);
            }
        }
        return Tensor.from(NDArray.wrap(Shape.of(n, n), d));
    }

    /** The diagonal of each matrix: [.., n, n] to [.., n]. */
    static Tensor diagonal(Tensor p) {
        return Ops.sum(masked(p, Mask.EYE), false, -1);
    }

    /** Each vector as the diagonal of a matrix: [.., n] to [.., n, n]. */
    static Tensor diagEmbed(Tensor d) {
        return masked(row(d), Mask.EYE);
    }

    /** d [.., n] as a row [.., 1, n]: multiplying a matrix by it scales column j by d_j (M·diag(d)). */
    static Tensor row(Tensor d) {
        return Ops.unsqueeze(d, -2);
    }

    /** d [.., n] as a column [.., n, 1]: multiplying a matrix by it scales row i by d_i (diag(d)·M). */
    static Tensor column(Tensor d) {
        return Ops.unsqueeze(d, -1);
    }

    /**
     * F_ij = 1 / gap_ij off the diagonal and exactly 0 on it, for a gap matrix whose diagonal is exactly zero (a
     * difference x_i − x_i). An off-diagonal zero gap (a repeated eigenvalue or singular value) gives ±∞: the rule
     * divides by zero, as documented by the primitives that use it, and anomaly mode names them.
     */
    static Tensor offDiagonalReciprocal(Tensor gap) {
        int n = gap.dims().dim(-1);
        return masked(Ops.reciprocal(Ops.add(gap, mask(Mask.EYE, n))), Mask.OFF_DIAGONAL);
    }

    /** g_ij = x_j − x_i for x [.., n]: the matrix of pairwise differences. */
    static Tensor differences(Tensor x) {
        return Ops.sub(row(x), column(x));
    }

    /**
     * The symmetric matrix that a routine reading only the lower triangle sees: tril(x) + tril(x, −1)ᵀ (also
     * "copyltu", which copies the lower triangle to the upper).
     */
    static Tensor symmetricFromLower(Tensor x) {
        return Ops.add(masked(x, Mask.LOWER), mT(masked(x, Mask.STRICT_LOWER)));
    }

    /**
     * The transpose of {@link #symmetricFromLower}: the cotangent with respect to the lower triangle,
     * tril(g + gᵀ) − diag(g); the strict upper triangle is exactly zero.
     */
    static Tensor lowerCotangent(Tensor g) {
        return Ops.add(masked(g, Mask.LOWER), masked(mT(g), Mask.STRICT_LOWER));
    }

    /** The sum of two possibly-zero ({@code null}) terms. */
    static Tensor plus(Tensor a, Tensor b) {
        if (a == null) return b;
        if (b == null) return a;
        return Ops.add(a, b);
    }

    /** The last two dimensions of a shape of rank ≥ 2, or an error naming the op and the shape. */
    static int[] matrixDims(String op, Shape s) {
        if (s.rank() < 2) {
            throw new IllegalArgumentException(op + ": " + s + ": needs a matrix or a batch of matrices (rank >= 2, "
                    + "the matrices in the last two axes)");
        }
        return new int[] {s.dim(-2), s.dim(-1)};
    }

    /** The batch dimensions of a shape of rank ≥ 2, followed by {@code last}. */
    static Shape batchThen(Shape s, int... last) {
        int b = s.rank() - 2;
        int[] d = new int[b + last.length];
        for (int i = 0; i < b; i++) d[i] = s.dim(i);
        System.arraycopy(last, 0, d, b, last.length);
        return Shape.of(d);
    }

    /** The number of matrices in a batch of shape s (the product of the leading dimensions). */
    static int count(Shape s) {
        int c = 1;
        for (int i = 0; i < s.rank() - 2; i++) c *= s.dim(i);
        return c;
    }
}
