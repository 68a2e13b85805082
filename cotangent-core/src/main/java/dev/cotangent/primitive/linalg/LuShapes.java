package dev.cotangent.primitive.linalg;

import dev.cotangent.tensor.Shape;
import java.util.Arrays;

/**
 * The shape rules of the LU/Cholesky family, each error naming the op and the shapes: square matrices
 * {@code [..., n, n]}, right-hand sides {@code [..., n, k]}, and batch axes (all but the last two) that broadcast
 * as matmul's do. Also the matrix each position of a broadcast batch reads, for the kernels.
 */
final class LuShapes {
    private LuShapes() {}

    /** n for a stack of square matrices {@code [..., n, n]}; otherwise an error naming {@code op}. */
    static int square(String op, Shape a) {
        if (a.rank() < 2) {
            throw new IllegalArgumentException(op + ": a has shape " + a + "; it needs a square matrix or a stack of "
                    + "them, shape [..., n, n] (rank >= 2)");
        }
        if (a.dim(-1) != a.dim(-2)) {
            throw new IllegalArgumentException(op + ": a has shape " + a + ", whose matrices are " + a.dim(-2) + "×"
                    + a.dim(-1) + "; it needs square matrices [..., n, n]");
        }
        return a.dim(-1);
    }

    /** The batch axes: every axis but the last two. */
    static Shape batch(Shape s) {
        return Shape.of(Arrays.copyOf(s.dims(), s.rank() - 2));
    }

    /** The number of matrices in a stack. */
    static int count(Shape s) {
        return batch(s).size();
    }

    /** The shape of x in op(a) x = b: a {@code [..., n, n]}, b {@code [..., n, k]}, batch axes broadcast. */
    static Shape solve(String op, Shape a, Shape b) {
        int n = square(op, a);
        if (b.rank() < 2) {
            throw new IllegalArgumentException(op + ": a " + a + " and b " + b + ": b needs shape [..., n, k] "
                    + "(rank >= 2; Linalg.solve also takes a 1-d b with a 2-d a)");
        }
        if (b.dim(-2) != n) {
            throw new IllegalArgumentException(op + ": a " + a + " and b " + b + ": b has " + b.dim(-2)
                    + " rows but a is " + n + "×" + n);
        }
        Shape batch;
        try {
            batch = Shape.broadcast(op, batch(a), batch(b));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + ": a " + a + " and b " + b + ": batch axes " + batch(a) + " and "
                    + batch(b) + " cannot be broadcast", e);
        }
        int[] d = Arrays.copyOf(batch.dims(), batch.rank() + 2);
        d[batch.rank()] = n;
        d[batch.rank() + 1] = b.dim(-1);
        return Shape.of(d);
    }

    /**
     * For each position t of the broadcast batch {@code out}, the index of the matrix of each operand's batch
     * ({@code ia}, {@code ib}) that position reads: {@code {ia, ib}}.
     */
    static int[][] pairs(Shape a, Shape b, Shape out) {
        int nb = out.size();
        int[] ia = new int[nb];
        int[] ib = new int[nb];
        int[] sa = strides(a, out);
        int[] sb = strides(b, out);
        int[] od = out.dims();
        int[] idx = new int[od.length];
        for (int t = 0; t < nb; t++) {
            for (int d = 0; d < od.length; d++) {
                ia[t] += idx[d] * sa[d];
                ib[t] += idx[d] * sb[d];
            }
            for (int d = od.length - 1; d >= 0; d--) {
                if (++idx[d] < od[d]) break;
                idx[d] = 0;
            }
        }
        return new int[][] {ia, ib};
    }

    /** Strides of {@code from}'s elements along the axes of {@code to}, 0 where {@code from} is broadcast. */
    private static int[] strides(Shape from, Shape to) {
        int r = to.rank();
        int off = r - from.rank();
        int[] st = from.strides();
        int[] out = new int[r];
        for (int i = 0; i < from.rank(); i++) out[i + off] = from.dim(i) == 1 ? 0 : st[i];
        return out;
    }

    /** Where matrix {@code t} of a stack with batch axes {@code batch} sits, for messages: "" when there is one. */
    static String at(Shape batch, int t) {
        if (batch.rank() == 0) return "";
        int[] idx = new int[batch.rank()];
        for (int d = batch.rank() - 1; d >= 0; d--) {
            idx[d] = t % batch.dim(d);
            t /= batch.dim(d);
        }
        return " (the matrix at batch index " + Arrays.toString(idx) + ")";
    }

    /** Each entry times {@code m}. */
    static int[] times(int[] v, int m) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] * m;
        return out;
    }
}
