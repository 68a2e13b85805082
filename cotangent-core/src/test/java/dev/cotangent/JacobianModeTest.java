package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** AD.jacobian learns the output size by staging; functions that cannot be staged still work. */
class JacobianModeTest {

    @Test
    void aFunctionThatBranchesOnAValueFallsBackToEvaluating() {
        // f(x) = x² elementwise where x[0] > 0, else x³: staging cannot read x[0], so jacobian evaluates instead
        java.util.function.Function<Tensor, Tensor> f = x -> x.value().get(0) > 0 ? x.mul(x) : x.mul(x).mul(x);
        Tensor x = Tensor.of(2, 3);
        assertArrayEquals(new double[] {4, 0, 0, 6}, AD.jacobian(f).apply(x).toArray(), 0.0);
        Tensor y = Tensor.of(-1, 2);
        assertArrayEquals(new double[] {3, 0, 0, 12}, AD.jacobian(f).apply(y).toArray(), 0.0);
    }

    @Test
    void aConstantFunctionHasAZeroJacobianOfTheRightShape() {
        Tensor j = AD.jacobian(x -> Tensor.of(1, 2, 3)).apply(Tensor.of(5, 6));
        assertArrayEquals(new int[] {3, 2}, j.shape());
        assertArrayEquals(new double[6], j.toArray(), 0.0);
    }

    @Test
    void moreOutputsThanInputsGivesTheForwardJacobian() {
        Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Tensor j = AD.jacobian(x -> a.matmul(x)).apply(Tensor.of(0.5, -1));
        assertArrayEquals(a.toArray(), j.toArray(), 0.0);
    }

    @Test
    void theModeIsChosenOncePerInputShape() {
        int[] calls = {0};
        Tensor a = Tensor.of(new double[][] {{1, 2, 3}});
        java.util.function.Function<Tensor, Tensor> jac = AD.jacobian(x -> {
            calls[0]++;
            return a.matmul(x);
        });
        jac.apply(Tensor.of(1, 2, 3));
        org.junit.jupiter.api.Assertions.assertEquals(2, calls[0], "first call: staged once, then recorded once");
        assertArrayEquals(new double[] {1, 2, 3}, jac.apply(Tensor.of(4, 5, 6)).toArray(), 0.0);
        org.junit.jupiter.api.Assertions.assertEquals(3, calls[0], "same shape again: recorded once, not staged");
    }
}
