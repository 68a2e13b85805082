package dev.cotangent.tensor;

import dev.cotangent.kernel.Blas;

/** NumPy's matmul on arrays: op(A)·op(B) over the last two axes through BLAS dgemm, once per batch position. */
final class BatchedMatmul {
    private BatchedMatmul() {}

    /** NumPy's {@code a @ b}: a 1-d left operand is a row, a 1-d right operand a column, that axis then dropped. */
    static NDArray apply(NDArray a, NDArray b) {
        Shape out = Shape.matmul(a.dims(), b.dims());
        NDArray a2 = a.rank() == 1 ? a.reshape(1, a.size()) : a;
        NDArray b2 = b.rank() == 1 ? b.reshape(b.size(), 1) : b;
        return apply(a2, b2, false, false).reshape(out.dims());
    }

    /** {@code op(A)·op(B)} for operands of rank >= 2, the batch axes broadcast. */
    static NDArray apply(NDArray a, NDArray b, boolean transA, boolean transB) {
        Shape out = Shape.matmul(a.dims(), b.dims(), transA, transB);
        int m = out.dim(-2);
        int n = out.dim(-1);
        int k = transA ? a.dims().dim(-2) : a.dims().dim(-1);
        Shape batch = out.batch();
        int nb = batch.size();
        int[] offA = new int[nb];
        int[] offB = new int[nb];
        int[] sA = ShapeMoves.broadcastStrides(a.dims().batch(), batch);
        int[] sB = ShapeMoves.broadcastStrides(b.dims().batch(), batch);
        int[] bd = batch.dims();
        int[] idx = new int[bd.length];
        for (int t = 0; t < nb; t++) {
            for (int d = 0; d < bd.length; d++) {
                offA[t] += idx[d] * sA[d] * m * k;
                offB[t] += idx[d] * sB[d] * k * n;
            }
            for (int d = bd.length - 1; d >= 0; d--) {
                if (++idx[d] < bd[d]) break;
                idx[d] = 0;
            }
        }
        double[] c = TooLargeException.doubles(out.size());
        Blas.gemmBatch(transA, transB, m, n, k, a.unsafeData(), offA, b.unsafeData(), offB, c);
        return NDArray.wrap(out, c);
    }
}
