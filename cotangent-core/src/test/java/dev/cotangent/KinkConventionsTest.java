package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The conventions at non-differentiable points (DESIGN.md), each checked in forward mode (jvp with a unit
 * tangent per element, i.e. jacfwd) and in reverse mode (grad / pullback), which must agree: relu'(0) = 0,
 * abs'(0) = 0, max/min split the derivative equally among ties (elementwise maximum/minimum and the max/min
 * reductions), sqrt'(0) = +∞, and sign, floor, comparisons and argmax have zero derivative.
 */
class KinkConventionsTest {

    /** The elementwise derivative of an elementwise f at x, by forward and by reverse mode (must agree). */
    private static double[] elementwise(Function<Tensor, Tensor> f, double... x) {
        Tensor t = Tensor.of(x);
        double[] fwd = AD.jvp(f, t, Tensor.ones(x.length)).tangent().toArray();
        double[] rev = AD.vjp(f, t).pullback(Tensor.ones(x.length)).toArray();
        assertArrayEquals(fwd, rev, 0.0, "forward and reverse mode disagree");
        return fwd;
    }

    @Test
    void reluDerivativeAtZeroIsZero() {
        assertArrayEquals(new double[] {0, 0, 1}, elementwise(Ops::relu, -1, 0, 2), 0.0);
        // also for −0.0
        assertArrayEquals(new double[] {0}, elementwise(Ops::relu, -0.0), 0.0);
    }

    @Test
    void absDerivativeAtZeroIsZero() {
        assertArrayEquals(new double[] {-1, 0, 1}, elementwise(Ops::abs, -1, 0, 2), 0.0);
        assertArrayEquals(new double[] {0}, elementwise(Ops::abs, -0.0), 0.0);
    }

    @Test
    void sqrtDerivativeAtZeroIsPlusInfinity() {
        double[] d = elementwise(Ops::sqrt, 0, 4);
        assertEquals(Double.POSITIVE_INFINITY, d[0]);
        assertEquals(0.25, d[1], 0.0);
        assertEquals(Double.POSITIVE_INFINITY, AD.grad((Tensor x) -> x.sqrt()).apply(Tensor.scalar(0)).item());
    }

    @Test
    void integerValuedOpsHaveZeroDerivative() {
        assertArrayEquals(new double[] {0, 0, 0}, elementwise(Ops::sign, -1, 0, 2), 0.0);
        assertArrayEquals(new double[] {0, 0, 0}, elementwise(Ops::floor, -1.5, 2.0, 2.5), 0.0); // 2.0 is a jump
        Tensor zero = Tensor.scalar(0);
        for (Function<Tensor, Tensor> cmp : java.util.List.<Function<Tensor, Tensor>>of(x -> Ops.eq(x, zero),
                x -> Ops.ne(x, zero), x -> Ops.lt(x, zero), x -> Ops.le(x, zero), x -> Ops.gt(x, zero),
                x -> Ops.ge(x, zero))) {
            assertArrayEquals(new double[] {0, 0, 0}, elementwise(cmp, -1, 0, 2), 0.0);
        }
        // zero derivative, not no derivative: sign(x)·x differentiates to sign(x) (the product rule's other term)
        assertArrayEquals(new double[] {-1, 0, 1}, elementwise(x -> Ops.sign(x).mul(x), -3, 0, 2), 0.0);
        assertArrayEquals(new double[] {0, 1}, elementwise(x -> Ops.gt(x, zero).mul(x), -3, 2), 0.0);
        // argmax along an axis
        Tensor m = Tensor.of(new double[][] {{1, 5, 2}, {7, 0, 7}});
        assertArrayEquals(new double[6], AD.grad((Tensor x) -> Ops.argmax(x, 1).sum()).apply(m).toArray(), 0.0);
    }

    @Test
    void elementwiseMaximumAndMinimumSplitTiesEqually() {
        Tensor a = Tensor.of(1, 2, 3);
        Tensor b = Tensor.of(1, 0, 5);
        // ∂max/∂a = [½, 1, 0], ∂max/∂b = [½, 0, 1]; ∂min/∂a = [½, 0, 1], ∂min/∂b = [½, 1, 0]
        assertArrayEquals(new double[] {0.5, 1, 0}, elementwise(x -> Ops.maximum(x, b), a.toArray()), 0.0);
        assertArrayEquals(new double[] {0.5, 0, 1}, elementwise(y -> Ops.maximum(a, y), b.toArray()), 0.0);
        assertArrayEquals(new double[] {0.5, 0, 1}, elementwise(x -> Ops.minimum(x, b), a.toArray()), 0.0);
        assertArrayEquals(new double[] {0.5, 1, 0}, elementwise(y -> Ops.minimum(a, y), b.toArray()), 0.0);
        // max(x, x) = x: the two halves add back to 1
        assertArrayEquals(new double[] {1, 1}, elementwise(x -> Ops.maximum(x, x), -1, 2), 0.0);
        // both operands moving: ẏ = ½(ȧ + ḃ) at a tie
        Tensor t = AD.jvp(x -> Ops.maximum(x, x.mul(Tensor.of(1, 3))), Tensor.of(0, 0), Tensor.of(1, 1)).tangent();
        assertArrayEquals(new double[] {1, 2}, t.toArray(), 0.0);
        // relu as maximum(x, 0) gives ½ at 0: a different op, a different (documented) convention
        assertArrayEquals(new double[] {0.5}, elementwise(x -> Ops.maximum(x, Tensor.scalar(0)), 0), 0.0);
    }

    @Test
    void maxAndMinReductionsSplitTiesEqually() {
        Tensor x = Tensor.of(1, 3, 3, 2);
        Tensor v = Tensor.of(1, 2, 4, 8);
        // reverse: the cotangent is shared by the two maxima
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0},
                AD.grad((Tensor t) -> Ops.max(t, false)).apply(x).toArray(), 0.0);
        assertArrayEquals(new double[] {0.5, 0, 0, 0.5},
                AD.grad((Tensor t) -> Ops.min(t, false)).apply(Tensor.of(1, 3, 3, 1)).toArray(), 0.0);
        // forward: the tangent is the mean of the tied elements' tangents, (2 + 4)/2
        assertEquals(3.0, AD.jvp(t -> Ops.max(t, false), x, v).tangent().item(), 0.0);
        // along an axis, with keepDims
        Tensor m = Tensor.of(new double[][] {{1, 1}, {2, 0}});
        Function<Tensor, Tensor> rowMax = t -> Ops.max(t, true, 1);
        assertArrayEquals(new double[] {0.5, 0.5, 1, 0}, AD.jacrev(t -> rowMax.apply(t).sum()).apply(m).toArray(), 0.0);
        assertArrayEquals(new double[] {0.5, 0.5, 1, 0}, AD.jacfwd(t -> rowMax.apply(t).sum()).apply(m).toArray(), 0.0);
        assertArrayEquals(new int[] {2, 1}, rowMax.apply(m).shape());
        // the forward and reverse Jacobians agree entry by entry
        assertArrayEquals(AD.jacrev(rowMax).apply(m).toArray(), AD.jacfwd(rowMax).apply(m).toArray(), 0.0);
    }

    @Test
    void secondDerivativesAtKinksFollowTheSameConventions() {
        // d²/dx² [relu(x)·x] = 2·1[x > 0]: 0 at 0 by relu'(0) = 0
        Function<Tensor, Tensor> f = x -> Ops.relu(x).mul(x).sum();
        Tensor h = AD.hessian(f).apply(Tensor.of(-1, 0, 2));
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 2}, h.toArray(), 0.0);
        // |x|·x = sign(x)·x², second derivative 2 sign(x): 0 at 0
        Tensor h2 = AD.hessian((Tensor x) -> Ops.abs(x).mul(x).sum()).apply(Tensor.of(-1, 0, 2));
        assertArrayEquals(new double[] {-2, 0, 0, 0, 0, 0, 0, 0, 2}, h2.toArray(), 0.0);
    }

    @Test
    void powWithZeroBaseHasTheLimitingExponentDerivative() {
        // ∂/∂b 0^b = 0 for b > 0 (the limit), without a NaN from log 0, at first and second order
        Tensor zero = Tensor.scalar(0);
        Function<Tensor, Tensor> f = b -> zero.pow(b);
        assertEquals(0.0, AD.grad(f).apply(Tensor.scalar(2)).item(), 0.0);
        assertEquals(0.0, AD.jvp(f, Tensor.scalar(2), Tensor.scalar(1)).tangent().item(), 0.0);
        assertEquals(0.0, AD.grad(AD.grad(f)).apply(Tensor.scalar(2)).item(), 0.0);
        // and ∂/∂a a^2 at a = 0 is 0
        assertEquals(0.0, AD.grad((Tensor a) -> a.pow(2)).apply(zero).item(), 0.0);
    }
}
