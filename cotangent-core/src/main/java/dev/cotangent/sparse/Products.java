package dev.cotangent.sparse;

import dev.cotangent.primitive.MatMul;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Arrays;

/**
 * The dependency rule of {@code matmul}, C = op(A)·op(B) with broadcast batch axes: C[i,j] = Σ_q A[i,q]·B[q,j]
 * depends on A[i,q] unless B[q,j] is a constant 0, and on B[q,j] unless A[i,q] is a constant 0. Up to
 * {@link #PRECISE_WORK} terms each term is looked at; above, C[i,j] takes all of row i of A and column j of B
 * (the same when neither factor is a constant with zeros; more otherwise, which is safe).
 */
final class Products {
    private Products() {}

    /** The most terms (batch·m·n·k) looked at one by one. */
    static final long PRECISE_WORK = 1L << 24;

    static int[][] matmul(MatMul p, int[][][] in, Shape[] inShapes, NDArray[] constants, Shape out, Sets sets) {
        boolean ta = (Boolean) p.params().get("transA");
        boolean tb = (Boolean) p.params().get("transB");
        int r = out.rank();
        int m = out.dim(r - 2);
        int n = out.dim(r - 1);
        int k = ta ? inShapes[0].dim(inShapes[0].rank() - 2) : inShapes[0].dim(inShapes[0].rank() - 1);
        if (out.size() == 0) return new int[0][];
        int batch = out.size() / (m * n);
        int[] batchDims = Arrays.copyOf(out.dims(), r - 2);
        int[] ia = Moves.ints(arrange(Moves.numbered(inShapes[0], 0), ta, batchDims, m, k));
        int[] ib = Moves.ints(arrange(Moves.numbered(inShapes[1], 0), tb, batchDims, k, n));
        double[] va = constants[0] == null ? null : arrange(constants[0], ta, batchDims, m, k).unsafeData();
        double[] vb = constants[1] == null ? null : arrange(constants[1], tb, batchDims, k, n).unsafeData();
        int[][] a = in[0];
        int[][] b = in[1];
        int[][] c = new int[out.size()][];
        if ((long) batch * m * n * k <= PRECISE_WORK) {
            for (int t = 0; t < batch; t++) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        sets.begin();
                        for (int q = 0; q < k; q++) {
                            int ka = (t * m + i) * k + q;
                            int kb = (t * k + q) * n + j;
                            if (vb == null || vb[kb] != 0.0) sets.add(a[ia[ka]]);
                            if (va == null || va[ka] != 0.0) sets.add(b[ib[kb]]);
                        }
                        c[(t * m + i) * n + j] = sets.end();
                    }
                }
            }
            return c;
        }
        int[][] rows = new int[batch * m][];
        int[][] cols = new int[batch * n][];
        for (int t = 0; t < batch; t++) {
            for (int i = 0; i < m; i++) {
                sets.begin();
                for (int q = 0; q < k; q++) sets.add(a[ia[(t * m + i) * k + q]]);
                rows[t * m + i] = sets.end();
            }
            for (int j = 0; j < n; j++) {
                sets.begin();
                for (int q = 0; q < k; q++) sets.add(b[ib[(t * k + q) * n + j]]);
                cols[t * n + j] = sets.end();
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) c[(t * m + i) * n + j] = sets.union(rows[t * m + i], cols[t * n + j]);
            }
        }
        return c;
    }

    /** An operand laid out as [batch..., rows, cols]: its last two axes swapped if transposed, then broadcast. */
    private static NDArray arrange(NDArray x, boolean transposed, int[] batchDims, int rows, int cols) {
        NDArray y = x;
        if (transposed) {
            int rank = x.rank();
            int[] perm = new int[rank];
            for (int i = 0; i < rank; i++) perm[i] = i;
            perm[rank - 2] = rank - 1;
            perm[rank - 1] = rank - 2;
            y = x.permute(perm);
        }
        int[] dims = Arrays.copyOf(batchDims, batchDims.length + 2);
        dims[batchDims.length] = rows;
        dims[batchDims.length + 1] = cols;
        return y.broadcastTo(dims);
    }
}
