package dev.cotangent.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.BinaryKernel;
import dev.cotangent.kernel.UnaryKernel;
import dev.cotangent.primitive.Binary;
import dev.cotangent.primitive.Unary;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import dev.cotangent.trace.Bind;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The checkers themselves: finite differences against known derivatives, and each check against a deliberately
 * broken rule it must catch (so that a passing rule test means something).
 */
class GradCheckTest {
    private static final Tensor X = Tensor.of(0.3, -1.1, 0.8);
    private static final Tensor V = Tensor.of(0.5, 0.25, -1.0);
    private static final Tensor U = Tensor.of(-0.7, 0.4, 0.9);

    // ------------------------------------------------------------------ finite differences

    @Test
    void directionalDerivativeOfExpIsExpToTenDigits() {
        Tensor d = FiniteDifferences.directional(Ops::exp, Tensor.scalar(1.0), Tensor.scalar(1.0));
        assertEquals(Math.E, d.item(), 1e-10);
    }

    @Test
    void stencilErrorsHaveTheirOrders() {
        // exp at 0 along 1 with h = 0.01: central error ≈ h²/6, fourth-order error ≈ h⁴/30
        double h = 0.01;
        double c2 = FiniteDifferences.central(Ops::exp, Tensor.scalar(0), Tensor.scalar(1), h).item() - 1;
        double c4 = FiniteDifferences.directional(Ops::exp, Tensor.scalar(0), Tensor.scalar(1), h).item() - 1;
        assertEquals(h * h / 6, c2, 1e-7);
        assertTrue(Math.abs(c4) < 1e-9, "fourth-order stencil error " + c4);
    }

    @Test
    void jacobianHasOutputThenInputShapeAndTheAnalyticEntries() {
        // f(x) = [x0·x1, sin x1, x0²]: ∂f = [[x1, x0], [0, cos x1], [2x0, 0]]
        Function<Tensor, Tensor> f = x -> {
            Tensor x0 = Ops.slice(x, 0, 0, 1);
            Tensor x1 = Ops.slice(x, 0, 1, 2);
            return Ops.concat(0, x0.mul(x1), x1.sin(), x0.mul(x0));
        };
        double a = 0.7;
        double b = -1.3;
        Tensor j = FiniteDifferences.jacobian(f, Tensor.of(a, b));
        assertArrayEquals(new int[] {3, 2}, j.shape());
        assertArrayEquals(new double[] {b, a, 0, Math.cos(b), 2 * a, 0}, j.toArray(), 1e-9);
    }

    @Test
    void gradientOfSumOfCubesIsThreeSquares() {
        Tensor x = Tensor.of(new int[] {2, 2}, 1, -2, 0.5, 3);
        Tensor g = FiniteDifferences.gradient(t -> t.mul(t).mul(t).sum(), x);
        assertArrayEquals(new int[] {2, 2}, g.shape());
        assertArrayEquals(new double[] {3, 12, 0.75, 27}, g.toArray(), 1e-8);
    }

    @Test
    void gradientOfANonScalarFunctionIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> FiniteDifferences.gradient(Ops::sin, X));
        assertTrue(e.getMessage().contains("jacobian"), e.getMessage());
    }

    @Test
    void directionMustHaveTheInputShape() {
        assertThrows(IllegalArgumentException.class,
                () -> FiniteDifferences.directional(Ops::sin, X, Tensor.of(1, 2)));
    }

    // ------------------------------------------------------------------ tolerance and packing

    @Test
    void toleranceIsNormwiseAndNeverPassesNaN() {
        Tolerance t = new Tolerance(1e-3, 0);
        assertTrue(t.compare("c", NDArray.of(1000, 1e-9), NDArray.of(1000.5, 0.4)).passed()); // 0.4 ≤ 1e-3·1000.5
        assertFalse(t.compare("c", NDArray.of(1000, 1e-9), NDArray.of(1000, 2.0)).passed());
        assertFalse(t.compare("c", NDArray.of(1.0), NDArray.of(Double.NaN)).passed());
        assertFalse(t.compare("c", NDArray.of(Double.NaN), NDArray.of(Double.NaN)).passed());
        assertTrue(t.compare("c", NDArray.of(Double.POSITIVE_INFINITY), NDArray.of(Double.POSITIVE_INFINITY)).passed());
        assertFalse(t.compare("c", NDArray.of(1.0), NDArray.of(new double[][] {{1.0}})).passed());
        assertFalse(t.compare("c", 1.0, Double.NaN, 1.0).passed());
        assertThrows(AssertionError.class, () -> t.compare("c", NDArray.of(1.0), NDArray.of(2.0)).orThrow());
    }

    @Test
    void packThenUnpackGivesTheTensorsBack() {
        Tensor a = Tensor.scalar(5);
        Tensor b = Tensor.of(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
        Tensor c = Tensor.of(7, 8);
        Tensor flat = Packing.pack(a, b, c);
        assertArrayEquals(new double[] {5, 1, 2, 3, 4, 5, 6, 7, 8}, flat.toArray());
        Tensor[] back = Packing.unpack(flat, Packing.shapes(a, b, c));
        assertArrayEquals(new int[0], back[0].shape());
        assertArrayEquals(new int[] {2, 3}, back[1].shape());
        assertArrayEquals(b.toArray(), back[1].toArray());
        assertArrayEquals(c.toArray(), back[2].toArray());
        assertThrows(IllegalArgumentException.class, () -> Packing.unpack(flat, Shape.of(2)));
    }

    // ------------------------------------------------------------------ the checks pass on correct code ...

    @Test
    void everyCheckPassesOnACorrectFunction() {
        GradCheck.assertAll(x -> x.sin().mul(x).exp(), X, new SplittableRandom(3));
        GradCheck.assertAll(x -> x.mul(x).sum().sqrt(), X, new SplittableRandom(4));
    }

    // ------------------------------------------------------------------ ... and catch broken rules

    /** sin with the JVP rule of −cos: wrong forward mode, correct reverse mode. */
    private static final Unary WRONG_JVP = new Unary(UnaryKernel.Fn.SIN) {
        @Override
        protected Tensor derivative(Tensor x, Tensor y) {
            return Ops.cos(x);
        }

        @Override
        public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
            return Ops.mul(t[0], Ops.neg(Ops.cos(x[0])));
        }
    };

    /** sin with a VJP rule that is not the transpose of its (correct) JVP rule. */
    private static final Unary WRONG_VJP = new Unary(UnaryKernel.Fn.SIN) {
        @Override
        protected Tensor derivative(Tensor x, Tensor y) {
            return Ops.cos(x);
        }

        @Override
        public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
            return new Tensor[] {Ops.mul(ct, Ops.sin(x[0]))};
        }
    };

    /** sin whose derivative cos x is cut from differentiation: first order right, second order zero. */
    private static final Unary FROZEN_DERIVATIVE = new Unary(UnaryKernel.Fn.SIN) {
        @Override
        protected Tensor derivative(Tensor x, Tensor y) {
            return Ops.cos(Ops.stopGradient(x));
        }
    };

    /** exp whose JVP doubles the tangent (the VJP, written with y, is right): forward-over-reverse goes wrong. */
    private static final Unary WRONG_JVP_EXP = new Unary(UnaryKernel.Fn.EXP) {
        @Override
        protected Tensor derivative(Tensor x, Tensor y) {
            return y;
        }

        @Override
        public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
            return Ops.mul(Ops.mul(t[0], y), Tensor.scalar(2));
        }
    };

    /** a·b whose VJP forgets to sum over broadcast axes. */
    private static final Binary NO_UNBROADCAST = new Binary(BinaryKernel.Fn.MUL) {
        @Override
        protected Tensor partialA(Tensor a, Tensor b, Tensor y) {
            return b;
        }

        @Override
        protected Tensor partialB(Tensor a, Tensor b, Tensor y) {
            return a;
        }

        @Override
        public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
            return new Tensor[] {Ops.mul(ct, x[1]), Ops.mul(ct, x[0])};
        }
    };

    private static Function<Tensor, Tensor> unary(Unary p) {
        return x -> Bind.bind(p, x);
    }

    private static Function<Tensor, Tensor> summed(Unary p) {
        return x -> Ops.sum(Bind.bind(p, x));
    }

    @Test
    void wrongJvpRuleFailsTheFiniteDifferenceAndDotProductChecks() {
        assertFalse(GradCheck.jvp(unary(WRONG_JVP), X, V, Tolerance.FINITE_DIFFERENCES).passed());
        assertFalse(GradCheck.dotProduct(unary(WRONG_JVP), X, U, V, Tolerance.ROUNDING).passed());
    }

    @Test
    void wrongVjpRuleFailsOnlyTheDotProductCheck() {
        assertTrue(GradCheck.jvp(unary(WRONG_VJP), X, V, Tolerance.FINITE_DIFFERENCES).passed());
        assertFalse(GradCheck.dotProduct(unary(WRONG_VJP), X, U, V, Tolerance.ROUNDING).passed());
    }

    @Test
    void frozenDerivativeIsCaughtOnlyByFiniteDifferencesOfTheGradient() {
        Function<Tensor, Tensor> g = summed(FROZEN_DERIVATIVE);
        assertTrue(GradCheck.jvp(unary(FROZEN_DERIVATIVE), X, V, Tolerance.FINITE_DIFFERENCES).passed());
        assertTrue(GradCheck.dotProduct(unary(FROZEN_DERIVATIVE), X, U, V, Tolerance.ROUNDING).passed());
        // both AD routes agree on the wrong (zero) second derivative ...
        assertTrue(GradCheck.hvpModes(g, X, V, Tolerance.ROUNDING).passed());
        // ... finite differences of the gradient do not
        assertFalse(GradCheck.hvp(g, X, V, Tolerance.FINITE_DIFFERENCES).passed());
    }

    @Test
    void inconsistentSecondOrderFailsTheModeComparison() {
        assertFalse(GradCheck.hvpModes(summed(WRONG_JVP_EXP), X, V, new Tolerance(1e-9, 1e-11)).passed());
    }

    @Test
    void missingUnbroadcastFailsTheDotProductCheck() {
        Tensor b = Tensor.of(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
        Function<Tensor, Tensor> f = a -> Bind.bind(NO_UNBROADCAST, a, b); // a: [3] broadcast to [2,3]
        CheckResult r = GradCheck.dotProduct(f, X, Tensor.of(new int[] {2, 3}, 1, 0, -1, 2, 1, 0), V,
                Tolerance.ROUNDING);
        assertFalse(r.passed(), r.toString());
        assertTrue(r.detail().contains("shape"), r.detail());
    }

    @Test
    void assertAllReportsTheFailedChecks() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> GradCheck.assertAll(unary(WRONG_VJP), X, new SplittableRandom(5)));
        assertTrue(e.getMessage().contains("dot-product"), e.getMessage());
    }
}
