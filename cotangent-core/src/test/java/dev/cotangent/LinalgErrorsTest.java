package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.kernel.Blas;
import dev.cotangent.tensor.NDArray;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The degenerate and error cases of the LU/Cholesky family of {@link Linalg}: each is an exception whose message
 * names the op, the shapes and what is wrong (the zero pivot, the leading minor, the batch position), never a
 * silently wrong number.
 */
class LinalgErrorsTest {

    private static String message(Class<? extends Throwable> type, Executable e) {
        return assertThrows(type, e).getMessage();
    }

    private static void mentions(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "'" + p + "' not in: " + message);
    }

    @Test
    void singularMatrixInSolveAndInvNamesTheOpShapeAndPivot() {
        // [[1, 2], [2, 4]]: pivot row [2, 4], then 1 − 0.5·2 = 0 exactly: the second pivot, index 1, is zero
        Tensor s = Tensor.of(new double[][] {{1, 2}, {2, 4}});
        mentions(message(ArithmeticException.class, () -> Linalg.solve(s, Tensor.of(1, 1))),
                "solve", "[2,2]", "singular", "pivot index 1");
        mentions(message(ArithmeticException.class, () -> Linalg.inv(s)), "inv", "[2,2]", "singular", "index 1");
        // in a stack, the message says which matrix
        Tensor stack = Tensor.from(NDArray.stack(0, NDArray.eye(2), s.value(), NDArray.eye(2)));
        mentions(message(ArithmeticException.class, () -> Linalg.solve(stack, Tensor.ones(2, 1))),
                "solve", "[3,2,2]", "batch index [1]");
        // the gradient of logAbsDet at a singular matrix is infinite: an error, not a number
        mentions(message(ArithmeticException.class, () -> AD.grad(Linalg::logAbsDet).apply(s)), "inv", "singular");
        // a zero on the diagonal of the triangle read by triangularSolve
        Tensor t = Tensor.of(new double[][] {{1, 0}, {3, 0}});
        mentions(message(ArithmeticException.class, () -> Linalg.triangularSolve(t, Tensor.ones(2, 1), true)),
                "triangular_solve", "[2,2]", "lower", "index 1");
    }

    @Test
    void choleskyOfAMatrixThatIsNotPositiveDefiniteNamesTheLeadingMinor() {
        // leading minors 1, 1·1 − 2·2 = −3: order 2 fails
        mentions(message(ArithmeticException.class, () -> Linalg.cholesky(Tensor.of(new double[][] {{1, 2}, {2, 1}}))),
                "cholesky", "[2,2]", "not positive definite", "leading minor of order 2");
        mentions(message(ArithmeticException.class, () -> Linalg.cholesky(Tensor.of(new double[][] {{-1}}))),
                "leading minor of order 1");
        Tensor stack = Tensor.from(NDArray.stack(0, NDArray.eye(3), NDArray.eye(3).neg()));
        mentions(message(ArithmeticException.class, () -> Linalg.cholesky(stack)), "batch index [1]", "order 1");
    }

    @Test
    void wrongShapesNameTheOpAndTheShapes() {
        Tensor v = Tensor.of(1, 2, 3);
        Tensor rect = Tensor.zeros(2, 3);
        Tensor sq = Tensor.from(NDArray.eye(3));
        mentions(message(IllegalArgumentException.class, () -> Linalg.det(v)), "det", "[3]", "rank >= 2");
        mentions(message(IllegalArgumentException.class, () -> Linalg.det(rect)), "det", "[2,3]", "square");
        mentions(message(IllegalArgumentException.class, () -> Linalg.inv(rect)), "inv", "[2,3]", "square");
        mentions(message(IllegalArgumentException.class, () -> Linalg.cholesky(rect)), "cholesky", "square");
        mentions(message(IllegalArgumentException.class, () -> Linalg.logAbsDet(Tensor.scalar(2))), "log_abs_det");
        mentions(message(IllegalArgumentException.class, () -> Linalg.solve(sq, Tensor.zeros(4, 1))),
                "solve", "[3,3]", "[4,1]", "4 rows");
        mentions(message(IllegalArgumentException.class, () -> Linalg.solve(rect, Tensor.zeros(2, 1))),
                "solve", "[2,3]", "square");
        mentions(message(IllegalArgumentException.class,
                () -> Linalg.solve(Tensor.zeros(2, 3, 3), Tensor.zeros(4, 3, 1))), "solve", "[2]", "[4]", "broadcast");
        mentions(message(IllegalArgumentException.class, () -> Linalg.triangularSolve(sq, Tensor.zeros(2, 2), true)),
                "triangular_solve", "[3,3]", "[2,2]");
    }

    @Test
    void emptyMatrices() {
        assertEquals(1.0, Linalg.det(Tensor.zeros(0, 0)).item());
        assertEquals(0.0, Linalg.logAbsDet(Tensor.zeros(0, 0)).item());
        assertEquals(0, Linalg.solve(Tensor.zeros(0, 0), Tensor.zeros(0, 2)).size());
        assertEquals(0, Linalg.inv(Tensor.zeros(0, 0)).size());
        assertEquals(0, Linalg.cholesky(Tensor.zeros(0, 0)).size());
    }

    @Test
    void largeFactorizationsSurviveTheDefaultThreadStackWithSeveralBlasThreads() throws Exception {
        // OpenBLAS's parallel getrf needs several MB of stack (a crash, not an exception, on a 1 MB Java thread)
        int before = Blas.threads();
        long from = Blas.parallelFrom();
        boolean aware = Blas.loadAware();
        Blas.setThreads(2);
        Blas.setParallelFrom(0);
        Blas.setLoadAware(false); // else a busy machine would give the factorization 1 thread and a small stack
        try {
            double[] d = NDArray.uniform(new SplittableRandom(1), -1, 1, 300, 300).toArray();
            for (int i = 0; i < 300; i++) d[i * 300 + i] += 300;
            Tensor a = Tensor.of(new int[] {300, 300}, d);
            Tensor[] result = new Tensor[1];
            Thread small = new Thread(null, () -> result[0] = Linalg.solve(a, Tensor.ones(300, 1)), "small", 512 << 10);
            small.start();
            small.join();
            assertEquals(300, result[0].size());
            Tensor residual = a.matmul(result[0]).sub(Tensor.ones(300, 1));
            assertTrue(residual.abs().max().item() < 1e-12);
        } finally {
            Blas.setThreads(before);
            Blas.setParallelFrom(from);
            Blas.setLoadAware(aware);
        }
    }
}
