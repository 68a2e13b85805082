package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import org.junit.jupiter.api.Test;

/** Edge cases of the engine found in review: in-place accumulation, BLAS's cached copies, messages. */
class EngineEdgeCasesTest {

    @Test
    void anInputUsedManyTimesGetsTheSumOfItsContributions() {
        // f(x) = Σ (x + x·x + 3x + x³): ∂f/∂x = 1 + 2x + 3 + 3x², the cotangents of x accumulated in one buffer
        double[] xs = {0.5, -2, 3};
        Tensor x = Tensor.of(xs);
        Tensor g = AD.grad((Tensor t) -> t.add(t.mul(t)).add(t.mul(3)).add(t.mul(t).mul(t)).sum()).apply(x);
        for (int i = 0; i < xs.length; i++) {
            double want = 1 + 2 * xs[i] + 3 + 3 * xs[i] * xs[i];
            assertTrue(Math.abs(g.toArray()[i] - want) < 1e-12, "∂f/∂x" + i + " = " + g.toArray()[i] + ", want " + want);
        }
        // the same seed twice through one pullback: the first result is not changed by the second sweep
        VjpResult r = AD.vjp(t -> t.add(t).add(t), x);
        Tensor first = r.pullback(Tensor.ones(3));
        Tensor second = r.pullback(Tensor.full(2.0, 3));
        assertArrayEquals(new double[] {3, 3, 3}, first.toArray(), 0.0);
        assertArrayEquals(new double[] {6, 6, 6}, second.toArray(), 0.0);
    }

    @Test
    void batchedProductsReadingTheSameArraysManyTimesStayRight() {
        // a [4,2,3] stack times one [3,2] matrix, many times: the operands earn cached off-heap copies on the way
        double[] ad = new double[24];
        for (int i = 0; i < ad.length; i++) ad[i] = i - 7.5;
        NDArray a = NDArray.of(Shape.of(4, 2, 3), ad);
        NDArray b = NDArray.of(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        for (int rep = 0; rep < 5; rep++) {
            NDArray c = a.matmul(b);
            for (int t = 0; t < 4; t++) {
                for (int i = 0; i < 2; i++) {
                    double x0 = ad[t * 6 + i * 3];
                    double x1 = ad[t * 6 + i * 3 + 1];
                    double x2 = ad[t * 6 + i * 3 + 2];
                    assertArrayEquals(new double[] {x0 + x2, x1 + x2},
                            new double[] {c.get(t, i, 0), c.get(t, i, 1)}, 0.0, "rep " + rep + ", item " + t);
                }
            }
        }
    }

    @Test
    void reshapeWithTwoInferredDimensionsIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ops.reshape(Tensor.zeros(6), -1, -1));
        assertTrue(e.getMessage().contains("only one dimension may be -1"), e.getMessage());
    }

    @Test
    void aNullOperandIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.add(Tensor.zeros(2), null));
        assertTrue(e.getMessage().contains("add: operand 1 of 2 is null"), e.getMessage());
    }

    @Test
    void aRepeatedAxisInATransposeIsRefusedWhenStagingToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AD.stage(in -> new Tensor[] {Ops.permute(in[0], 0, 0)}, Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().contains("transpose") && e.getMessage().contains("repeats axis 0"), e.getMessage());
    }

    @Test
    void aRuleReadingAValueItSaidItWouldNotIsAClearError() {
        // exp whose derivative reads y but which declares that it reads x only: reverse mode keeps x, drops y
        dev.cotangent.primitive.Unary lying = new dev.cotangent.primitive.Unary(dev.cotangent.kernel.UnaryKernel.Fn.EXP) {
            @Override
            protected Tensor derivative(Tensor x, Tensor y) {
                return y;
            }

            @Override
            protected boolean derivativeUsesResult() {
                return false;
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AD.grad((Tensor x) -> Ops.apply(lying, x).sum()).apply(Tensor.of(1, 2)));
        assertTrue(e.getMessage().contains("VJP rule of exp") && e.getMessage().contains("declare"), e.getMessage());
    }
}
