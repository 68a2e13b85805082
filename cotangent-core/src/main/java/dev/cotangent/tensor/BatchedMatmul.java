package dev.cotangent.tensor;

import dev.cotangent.kernel.Blas;
import java.util.Arrays;

/**
 * NumPy's matmul on arrays of rank ≥ 2: op(A)·op(B) over the last two axes through BLAS dgemm, once per
 * position of the broadcast batch axes. {@code shapeA} and {@code shapeB} are the shapes to name in messages.
 */
final class BatchedMatmul {
    private BatchedMatmul() {}

    static NDArray apply(NDArray a, NDArray b, boolean transA, boolean transB, Shape shapeA, Shape shapeB) {
        // the shapes the caller gave, marked ^T when that operand is transposed, for the messages
        String sa = shapeA + (transA ? "^T" : "");
        String sb = shapeB + (transB ? "^T" : "");
        if (a.rank() < 2 || b.rank() < 2) {
            throw new IllegalArgumentException("matmul: " + sa + " @ " + sb + ": matmul(a, b, transA, transB) takes"
                    + " matrices or stacks of matrices (rank >= 2); use a.matmul(b) for 1-d operands");
        }
        int ra = a.rank();
        int rb = b.rank();
        int m = transA ? a.shape().dim(ra - 1) : a.shape().dim(ra - 2);
        int ka = transA ? a.shape().dim(ra - 2) : a.shape().dim(ra - 1);
        int kb = transB ? b.shape().dim(rb - 1) : b.shape().dim(rb - 2);
        int n = transB ? b.shape().dim(rb - 2) : b.shape().dim(rb - 1);
        if (ka != kb) {
            throw new IllegalArgumentException("matmul: " + sa + " @ " + sb + ": inner dimensions " + ka + " and "
                    + kb + " differ");
        }
        Shape batchA = Shape.of(Arrays.copyOf(a.shape().dims(), ra - 2));
        Shape batchB = Shape.of(Arrays.copyOf(b.shape().dims(), rb - 2));
        Shape batch;
        try {
            batch = Shape.broadcast("matmul", batchA, batchB);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("matmul: " + sa + " @ " + sb + ": batch dimensions " + batchA + " and "
                    + batchB + " cannot be broadcast", e);
        }
        int[] outDims = Arrays.copyOf(batch.dims(), batch.rank() + 2);
        outDims[batch.rank()] = m;
        outDims[batch.rank() + 1] = n;
        double[] c = new double[batch.size() * m * n];
        int nb = batch.size();
        int[] offA = new int[nb];
        int[] offB = new int[nb];
        int[] sA = NDArray.broadcastStrides(batchA, batch);
        int[] sB = NDArray.broadcastStrides(batchB, batch);
        int[] bd = batch.dims();
        int[] idx = new int[bd.length];
        for (int t = 0; t < nb; t++) {
            for (int d = 0; d < bd.length; d++) {
                offA[t] += idx[d] * sA[d] * m * ka;
                offB[t] += idx[d] * sB[d] * ka * n;
            }
            for (int d = bd.length - 1; d >= 0; d--) {
                if (++idx[d] < bd[d]) break;
                idx[d] = 0;
            }
        }
        Blas.gemmBatch(transA, transB, m, n, ka, a.unsafeData(), offA, b.unsafeData(), offB, c);
        return NDArray.wrap(Shape.of(outDims), c);
    }
}
