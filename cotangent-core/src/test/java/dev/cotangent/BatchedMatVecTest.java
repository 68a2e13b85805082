package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.cotangent.tensor.NDArray;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The batching rule of a matrix times a batch of vectors (the product jacfwd forms for tanh(A x)), with and
 * without a transposed matrix, against a plain loop of sums and against the closed-form Jacobian.
 */
class BatchedMatVecTest {
    private static final int M = 7;
    private static final int K = 5;
    private static final int B = 4;

    private static double[][] draw(long seed, int rows, int cols) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] a = new double[rows][cols];
        for (double[] row : a) for (int j = 0; j < cols; j++) row[j] = r.nextDouble(-1, 1);
        return a;
    }

    @Test
    void aMatrixTimesABatchOfVectorsIsEachProduct() {
        double[][] a = draw(1, M, K);
        double[][] v = draw(2, B, K);
        Tensor at = Tensor.from(NDArray.of(a));
        Tensor got = AD.vmap((Tensor x) -> Ops.matmul(at, x)).apply(Tensor.from(NDArray.of(v)));
        Tensor gotColumn = AD.vmap((Tensor x) -> Ops.matmul(at, Ops.reshape(x, K, 1))).apply(Tensor.from(NDArray.of(v)));
        double[] want = new double[B * M];
        for (int b = 0; b < B; b++) {
            for (int i = 0; i < M; i++) {
                for (int k = 0; k < K; k++) want[b * M + i] += a[i][k] * v[b][k];
            }
        }
        assertArrayEquals(want, got.toArray(), 1e-14);
        assertArrayEquals(want, gotColumn.toArray(), 1e-14);
    }

    @Test
    void aTransposedMatrixTimesABatchOfVectorsIsEachProduct() {
        double[][] a = draw(3, K, M); // stored K×M, used as its transpose (M×K)
        double[][] v = draw(4, B, K);
        Tensor at = Tensor.from(NDArray.of(a));
        Tensor got = AD.vmap((Tensor x) -> Ops.matmul(at, Ops.reshape(x, K, 1), true, false))
                .apply(Tensor.from(NDArray.of(v)));
        double[] want = new double[B * M];
        for (int b = 0; b < B; b++) {
            for (int i = 0; i < M; i++) {
                for (int k = 0; k < K; k++) want[b * M + i] += a[k][i] * v[b][k];
            }
        }
        assertArrayEquals(want, got.toArray(), 1e-14);
    }

    @Test
    void jacfwdOfTanhOfAMatrixVectorProductIsTheClosedForm() {
        // J = diag(1 − tanh²(A x)) A
        double[][] a = draw(5, M, K);
        double[] x = draw(6, 1, K)[0];
        Tensor at = Tensor.from(NDArray.of(a));
        Tensor j = AD.jacfwd((Tensor v) -> Ops.tanh(Ops.matmul(at, v))).apply(Tensor.from(NDArray.of(x)));
        double[] want = new double[M * K];
        for (int i = 0; i < M; i++) {
            double z = 0;
            for (int k = 0; k < K; k++) z += a[i][k] * x[k];
            double d = 1 - Math.tanh(z) * Math.tanh(z);
            for (int k = 0; k < K; k++) want[i * K + k] = d * a[i][k];
        }
        assertArrayEquals(want, j.toArray(), 1e-14);
        assertArrayEquals(j.toArray(), AD.jacrev((Tensor v) -> Ops.tanh(Ops.matmul(at, v))).apply(Tensor.from(NDArray.of(x))).toArray(), 1e-14);
    }
}
