package dev.cotangent.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.SparseMatrix;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Compressed Jacobians against dense ones, bit for bit, and the errors for functions of the wrong shape. */
class SparseJacobianTest {

    @Test
    void randomSparseProgramsGiveTheDenseJacobianExactly() {
        int nontrivial = 0;
        for (long seed = 0; seed < 60; seed++) {
            int n = 6 + (int) (seed % 9);
            Function<Tensor, Tensor> f = SparsePrograms.vectorProgram(seed, n);
            Tensor x = Tensor.from(NDArray.normal(new Random(seed), 0, 1, n));
            double[] fwd = AD.jacfwd(f).apply(x).toArray();
            double[] rev = AD.jacrev(f).apply(x).toArray();
            SparseMatrix cols = AD.sparseJacobian(f, SparseOptions.defaults().mode(SparseOptions.Mode.FORWARD)).apply(x);
            SparseMatrix rows = AD.sparseJacobian(f, SparseOptions.defaults().mode(SparseOptions.Mode.REVERSE)).apply(x);
            assertArrayEquals(fwd, cols.toDense().toArray(), 0.0, "seed " + seed + ": columns against jacfwd");
            assertArrayEquals(rev, rows.toDense().toArray(), 0.0, "seed " + seed + ": rows against jacrev");
            SparseMatrix auto = AD.sparseJacobian(f).apply(x);
            assertEquals(Math.min(cols.colors(), rows.colors()), auto.colors());
            assertArrayEquals(auto.colors() == cols.colors() ? fwd : rev, auto.toDense().toArray(), 0.0);
            if (cols.colors() < n) nontrivial++;
        }
        assertTrue(nontrivial > 20, "only " + nontrivial + " programs were compressed");
    }

    @Test
    void aTridiagonalJacobianTakesThreeJvps() {
        Function<Tensor, Tensor> f = x -> {
            Tensor left = Ops.pad(Ops.slice(x, 0, 0, 99), new int[] {1}, new int[] {0});
            Tensor right = Ops.pad(Ops.slice(x, 0, 1, 100), new int[] {0}, new int[] {1});
            return left.sin().add(right.mul(x)).sub(x.square());
        };
        Tensor x = Tensor.from(NDArray.uniform(new Random(3), -1, 1, 100));
        SparseMatrix j = AD.sparseJacobian(f).apply(x);
        assertEquals(3, j.colors());
        assertEquals(298, j.nonZeros());
        double[] xs = x.toArray();
        // by hand: ∂y_i/∂x_{i−1} = cos x_{i−1}, ∂y_i/∂x_i = x_{i+1} − 2 x_i, ∂y_i/∂x_{i+1} = x_i
        for (int i = 0; i < 100; i++) {
            if (i > 0) assertEquals(Math.cos(xs[i - 1]), j.get(i, i - 1), 1e-15);
            assertEquals((i < 99 ? xs[i + 1] : 0) - 2 * xs[i], j.get(i, i), 1e-15);
            if (i < 99) assertEquals(xs[i], j.get(i, i + 1), 0.0);
        }
        assertArrayEquals(new int[] {0, 2, 5, 8}, java.util.Arrays.copyOf(j.rowPointers(), 4));
    }

    @Test
    void thePatternIsDetectedOncePerInputShape() {
        AtomicInteger calls = new AtomicInteger();
        Function<Tensor, Tensor> f = x -> {
            calls.incrementAndGet();
            return x.sin();
        };
        Function<Tensor, SparseMatrix> j = AD.sparseJacobian(f);
        j.apply(Tensor.of(1, 2, 3));
        assertEquals(2, calls.get());          // staged once, evaluated once (one batched JVP)
        j.apply(Tensor.of(4, 5, 6));
        assertEquals(3, calls.get());          // evaluated only
        j.apply(Tensor.of(1, 2));
        assertEquals(5, calls.get());          // a new shape is staged again
    }

    @Test
    void aGivenPatternIsUsedAsItIs() {
        // a function that reads values cannot be staged; with its pattern it can be compressed
        Function<Tensor, Tensor> f = x -> x.value().get(0) > 0 ? x.mul(x) : x.sin();
        Pattern diag = Patterns.banded(4, 0);
        SparseMatrix j = AD.sparseJacobian(f, SparseOptions.defaults().pattern(diag)).apply(Tensor.of(1, 2, 3, 4));
        assertEquals(1, j.colors());
        assertArrayEquals(new double[] {2, 4, 6, 8}, j.values(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> AD.sparseJacobian(f).apply(Tensor.of(1, 2)));
    }

    @Test
    void wrongShapesAreNamed() {
        Function<Tensor, Tensor> sin = Tensor::sin;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AD.sparseJacobian(sin).apply(Tensor.ones(2, 3)));
        assertTrue(e.getMessage().contains("[2, 3]") || e.getMessage().contains("[2,3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AD.sparseJacobian(Tensor::sum).apply(Tensor.ones(3)));
        assertTrue(e.getMessage().contains("vector [m]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AD.sparseJacobian(x -> Ops.reshape(x, 2, 2)).apply(Tensor.ones(4)));
        assertThrows(IllegalArgumentException.class, () -> AD.sparseJacobian(sin,
                SparseOptions.defaults().pattern(Patterns.banded(5, 0))).apply(Tensor.ones(4)));
        assertThrows(IllegalArgumentException.class, () -> AD.sparseJacobian(sin,
                SparseOptions.defaults().pattern(Pattern.of(3, 4, new int[3][0]))).apply(Tensor.ones(4)));
        assertThrows(IllegalArgumentException.class,
                () -> AD.sparseJacobian(sin, SparseOptions.defaults().mode(SparseOptions.Mode.STAR)));
    }

    @Test
    void theMatrixIsImmutable() {
        SparseMatrix j = AD.sparseJacobian(Tensor::sin).apply(Tensor.of(0, 0));
        j.values()[0] = 42;
        j.columnIndices()[0] = 1;
        assertEquals(1.0, j.get(0, 0), 0.0);
        assertEquals(Shape.of(2, 2), j.toDense().dims());
    }
}
