package dev.cotangent.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.primitive.Extremum;
import dev.cotangent.primitive.Maximum;
import dev.cotangent.primitive.Minimum;
import dev.cotangent.primitive.Primitive;
import dev.cotangent.primitive.Registry;
import dev.cotangent.primitive.Relu;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Sparsity detection against the non-zeros of dense Jacobians computed by AD (forward mode over the basis): for
 * every primitive of the registry, the detected pattern holds every non-zero, and equals the non-zeros exactly
 * except where a derivative is zero because of a value (max, min, relu); and patterns of small programs worked
 * out by hand.
 */
class DetectionTest {
    /** Primitives whose derivative is zero at some drawn values: there the pattern may hold more than the non-zeros. */
    private static final Set<Class<?>> VALUE_DEPENDENT = Set.of(Extremum.class, Maximum.class, Minimum.class,
            Relu.class);

    @TestFactory
    Stream<DynamicTest> everyRegisteredPrimitiveAgainstItsDenseJacobian() {
        return Registry.cases().stream().map(c -> dynamicTest(c.label(), () -> {
            for (int draw = 0; draw < 3; draw++) {
                NDArray[] in = c.inputs().apply(new SplittableRandom(97L * c.label().hashCode() + draw));
                for (int i = 0; i < in.length; i++) check(c, in, i);
            }
        }));
    }

    /**
     * The linear-algebra primitives (package primitive.linalg) have no rule of their own yet: they are taken as
     * dense, which is safe (the pattern holds every non-zero) but loose: their Jacobians are block-diagonal over
     * the batch, and zero for a triangle they do not read.
     */
    private static boolean conservativelyDense(Primitive p) {
        return p.getClass().getPackageName().endsWith(".linalg");
    }

    @Test
    void everyRegisteredPrimitiveHasARuleOfItsOwn() {
        for (Registry.Case c : Registry.cases()) {
            if (conservativelyDense(c.primitive())) continue;
            assertTrue(DependencyRules.specific(c.primitive()), c.label() + " falls back to the dense rule");
        }
    }

    /** Operand i of the case as the variable (flattened), the other operands constants; all results flattened. */
    private static void check(Registry.Case c, NDArray[] in, int i) {
        Primitive p = c.primitive();
        Shape shape = in[i].dims();
        Function<Tensor, Tensor> f = v -> {
            Tensor[] args = new Tensor[in.length];
            for (int k = 0; k < in.length; k++) args[k] = Tensor.from(in[k]);
            args[i] = Ops.reshape(v, shape.dims());
            Tensor[] rs = Ops.applyAll(p, args);
            Tensor[] flat = new Tensor[rs.length];
            for (int r = 0; r < rs.length; r++) flat[r] = Ops.reshape(rs[r], rs[r].size());
            return Ops.concat(0, flat);
        };
        Tensor x = Tensor.from(in[i].reshape(shape.size()));
        Pattern detected = Sparsity.jacobian(f, x.dims());
        NDArray j = AD.jacfwd(f).apply(x).value();
        int m = j.dims().dim(0);
        int n = j.dims().dim(1);
        assertEquals(m, detected.rows());
        assertEquals(n, detected.columns());
        boolean exact = !VALUE_DEPENDENT.contains(p.getClass()) && !conservativelyDense(p);
        for (int r = 0; r < m; r++) {
            for (int col = 0; col < n; col++) {
                boolean nonZero = j.get(r, col) != 0.0;
                String at = c.label() + ", operand " + i + ", entry (" + r + ", " + col + ")";
                if (nonZero) assertTrue(detected.contains(r, col), at + " is non-zero but not in the pattern");
                if (exact) assertEquals(nonZero, detected.contains(r, col), at + " is in the pattern but zero");
            }
        }
    }

    @Test
    void aThreePointStencilIsTridiagonal() {
        // y_i = x_{i-1} − 2 x_i + x_{i+1} with zero ends, written with pad and slice, through a nonlinearity
        Function<Tensor, Tensor> f = x -> {
            Tensor left = Ops.pad(Ops.slice(x, 0, 0, 5), new int[] {1}, new int[] {0});
            Tensor right = Ops.pad(Ops.slice(x, 0, 1, 6), new int[] {0}, new int[] {1});
            return left.add(right).sub(x.mul(2)).tanh();
        };
        assertEquals(Patterns.banded(6, 1), Sparsity.jacobian(f, Shape.of(6)));
    }

    @Test
    void comparisonsWhereAndSinCos() {
        // where(x > 0, x², sin x·cos x): depends on x elementwise (the condition adds nothing); sign(x): nothing
        Function<Tensor, Tensor> f = x -> {
            Tensor[] sc = Ops.sinCos(x);
            return Ops.where(Ops.gt(x, Tensor.scalar(0)), x.square(), sc[0].mul(sc[1])).add(Ops.sign(x).sum());
        };
        assertEquals(Patterns.banded(4, 0), Sparsity.jacobian(f, Shape.of(4)));
        // a constant condition picks the branch: x where c, the reversed x elsewhere
        Tensor c = Tensor.of(1, 0, 1, 0);
        Function<Tensor, Tensor> g = x -> Ops.where(c, x, Ops.take(x, new int[] {3, 2, 1, 0}, 0));
        assertEquals(Pattern.of(4, 4, new int[][] {{0}, {2}, {2}, {0}}), Sparsity.jacobian(g, Shape.of(4)));
    }

    @Test
    void reductionsReshapesAndTransposes() {
        // x as 2×3, transposed to 3×2, summed over its last axis: y_j = x_j + x_{3+j}
        Function<Tensor, Tensor> f = x -> Ops.sum(Ops.transpose(Ops.reshape(x, 2, 3)), false, 1).exp();
        assertEquals(Pattern.of(3, 6, new int[][] {{0, 3}, {1, 4}, {2, 5}}), Sparsity.jacobian(f, Shape.of(6)));
        // a product over everything depends on everything
        assertEquals(Pattern.dense(1, 5), Sparsity.jacobian(x -> Ops.reshape(Ops.prod(x, false), 1), Shape.of(5)));
    }

    @Test
    void indexAddConcatAndTake() {
        // index_add sends x_0 and x_2 to y_1, x_1 to y_0; concat appends x_3 twice via take
        Function<Tensor, Tensor> f = x -> Ops.concat(0,
                Ops.indexAdd(Ops.slice(x, 0, 0, 3), new int[] {1, 0, 1}, 0, 2),
                Ops.take(x, new int[] {3, 3}, 0));
        assertEquals(Pattern.of(4, 4, new int[][] {{1}, {0, 2}, {3}, {3}}), Sparsity.jacobian(f, Shape.of(4)));
    }

    @Test
    void aConstantSparseMatrixGivesItsOwnPattern() {
        Tensor a = Tensor.of(new double[][] {{2, 0, 0, 1}, {0, 0, 3, 0}, {0, -0.0, 0, 0}});
        assertEquals(Pattern.of(3, 4, new int[][] {{0, 3}, {2}, {}}), Sparsity.jacobian(x -> a.matmul(x.sin()), Shape.of(4)));
        // and a product of two variables depends on both factors' rows and columns
        Function<Tensor, Tensor> g = x -> Ops.reshape(Ops.matmul(Ops.reshape(x, 2, 2), Ops.reshape(x, 2, 2)), 4);
        assertEquals(Pattern.of(4, 4, new int[][] {{0, 1, 2}, {0, 1, 3}, {0, 2, 3}, {1, 2, 3}}),
                Sparsity.jacobian(g, Shape.of(4)));
    }

    @Test
    void aConstantZeroFactorCutsTheDependence() {
        Tensor c = Tensor.of(1, 0, -0.0, 2);
        assertEquals(Pattern.of(4, 4, new int[][] {{0}, {}, {}, {3}}), Sparsity.jacobian(x -> x.mul(c), Shape.of(4)));
    }

    @Test
    void aPrimitiveWithoutARuleIsDense() {
        // a checkpoint is elementwise inside, but the engine's dependency rules do not look into user functions
        Function<Tensor[], Tensor> seg = AD.checkpoint(xs -> xs[0].sin());
        assertEquals(Pattern.dense(3, 3), Sparsity.jacobian(x -> seg.apply(new Tensor[] {x}), Shape.of(3)));
    }

    @Test
    void hessianPatternsFromTheGradientProgram() {
        // Σ x_i x_{i+1}: ∂² only across neighbours, not on the diagonal
        Function<Tensor, Tensor> chain = x -> Ops.slice(x, 0, 0, 4).mul(Ops.slice(x, 0, 1, 5)).sum();
        Pattern h = Sparsity.hessian(chain, Shape.of(5));
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) assertEquals(Math.abs(i - j) == 1, h.contains(i, j), "(" + i + "," + j + ")");
        }
        // Σ (x_i − x_{i+1})² + Σ x_i³: tridiagonal with the diagonal
        Function<Tensor, Tensor> tri = x -> Ops.slice(x, 0, 0, 4).sub(Ops.slice(x, 0, 1, 5)).square().sum()
                .add(x.mul(x).mul(x).sum());
        assertEquals(Patterns.banded(5, 1), Sparsity.hessian(tri, Shape.of(5)));
        // a linear function has an empty Hessian
        assertEquals(0, Sparsity.hessian(x -> x.mul(3).sum(), Shape.of(4)).nonZeros());
        // x_0 Σ x_i: the arrow, without diagonal except (0, 0)
        Pattern arrow = Sparsity.hessian(x -> Ops.slice(x, 0, 0, 1).sum().mul(x.sum()), Shape.of(4));
        assertEquals(Pattern.of(4, 4, new int[][] {{0, 1, 2, 3}, {0}, {0}, {0}}), arrow);
        assertTrue(arrow.isSymmetric());
    }

    @Test
    void overTheBudgetThePatternIsDense() {
        // three full products: every set is "everything" and shared, so even this stays small ...
        Function<Tensor, Tensor> f = x -> Ops.reshape(Ops.matmul(Ops.reshape(x, 20, 20), Ops.reshape(x, 20, 20)), 400);
        Pattern p = Sparsity.jacobian(f, Shape.of(400));
        assertEquals(400 * 39, p.nonZeros());   // C[i][j] on row i and column j of x: 20 + 20 − 1 elements
        // ... while a budget too small for the sets gives the dense answer rather than a wrong one
        assertEquals(null, Dependencies.of(Sparsity.stage("t", f, Shape.of(400)), 1000));
        assertFalse(p.equals(Pattern.dense(400, 400)));
    }

    @Test
    void aFunctionThatReadsValuesNeedsAGivenPattern() {
        Function<Tensor, Tensor> f = x -> x.item() > 0 ? x : x.neg();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sparsity.jacobian(f, Shape.of()));
        assertTrue(e.getMessage().contains("pattern"), e.getMessage());
    }
}
