package dev.cotangent.tensor;

import static dev.cotangent.tensor.Ref.assertClose;
import static dev.cotangent.tensor.Ref.assertSame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Every elementwise operation of {@link NDArray} against values worked out by hand (textbook constants,
 * identities such as sin(pi/6) = 1/2), including the edges: NaN, infinities, signed zeros, overflow.
 */
class ElementwiseTest {
    private static final double PI = Math.PI;
    private static final double E = 2.718281828459045;
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double TOL = 1e-15;

    private static NDArray v(double... xs) {
        return NDArray.of(xs);
    }

    private static void check(NDArray actual, double... expected) {
        assertClose(expected, actual.toArray(), TOL, actual.toString());
    }

    // ---------------------------------------------------------------- binary

    @Test
    void arithmetic() {
        NDArray a = v(1, -2, 3.5, 0);
        NDArray b = v(4, 0.5, -1, 2);
        assertSame(new double[] {5, -1.5, 2.5, 2}, a.add(b).toArray(), "add");
        assertSame(new double[] {-3, -2.5, 4.5, -2}, a.sub(b).toArray(), "sub");
        assertSame(new double[] {4, -1, -3.5, 0}, a.mul(b).toArray(), "mul");
        assertSame(new double[] {0.25, -4, -3.5, 0}, a.div(b).toArray(), "div");
    }

    @Test
    void divisionByZeroFollowsIeee() {
        assertSame(new double[] {INF, -INF, NAN, -0.0}, v(1, -1, 0, -1).div(v(0, 0, 0, INF)).toArray(), "div");
    }

    @Test
    void pow() {
        check(v(2, 9, 4, 0, -8, 2, 10).pow(v(10, 0.5, -0.5, 0, 2, -1, 3)), 1024, 3, 0.5, 1, 64, 0.5, 1000);
        // a negative base with a non-integer exponent has no real value (NumPy gives nan too)
        assertTrue(Double.isNaN(v(-8).pow(v(1.0 / 3)).item()));
        assertEquals(INF, v(0).pow(v(-1)).item());
    }

    @Test
    void maximumAndMinimumPropagateNaN() {
        assertSame(new double[] {3, 2, NAN, NAN, INF}, v(1, 2, NAN, 5, INF).maximum(v(3, -7, 0, NAN, 4)).toArray(), "maximum");
        assertSame(new double[] {1, -7, NAN, NAN, 4}, v(1, 2, NAN, 5, INF).minimum(v(3, -7, 0, NAN, 4)).toArray(), "minimum");
    }

    @Test
    void atan2CoversAllFourQuadrants() {
        check(v(1, 1, -1, -1, 0, 1).atan2(v(1, -1, -1, 1, -1, 0)),
                PI / 4, 3 * PI / 4, -3 * PI / 4, -PI / 4, PI, PI / 2);
    }

    @Test
    void comparisonsGiveOneOrZeroAndNaNComparesFalse() {
        NDArray a = v(1, 2, 3, NAN);
        NDArray b = v(2, 2, 2, NAN);
        assertSame(new double[] {0, 1, 0, 0}, a.eq(b).toArray(), "eq");
        assertSame(new double[] {1, 0, 1, 1}, a.ne(b).toArray(), "ne");
        assertSame(new double[] {1, 0, 0, 0}, a.lt(b).toArray(), "lt");
        assertSame(new double[] {1, 1, 0, 0}, a.le(b).toArray(), "le");
        assertSame(new double[] {0, 0, 1, 0}, a.gt(b).toArray(), "gt");
        assertSame(new double[] {0, 1, 1, 0}, a.ge(b).toArray(), "ge");
        assertSame(new double[] {1}, v(0.0).eq(v(-0.0)).toArray(), "0 == -0");
    }

    @Test
    void whereSelectsAndBroadcastsAllThree() {
        NDArray cond = NDArray.of(Shape.of(2, 1), 1, 0);
        NDArray a = v(10, 20, 30);
        NDArray b = NDArray.scalar(-1);
        NDArray w = NDArray.where(cond, a, b);
        Ref.assertShape(w, 2, 3);
        assertSame(new double[] {10, 20, 30, -1, -1, -1}, w.toArray(), "where");
        // any non-zero value (NaN included) counts as true
        assertSame(new double[] {1, 2, 3}, NDArray.where(v(-0.5, NAN, 7), v(1, 2, 3), v(9, 9, 9)).toArray(), "truthy");
    }

    // ---------------------------------------------------------------- unary

    @Test
    void expAndLog() {
        check(v(0, 1, -1, 2).exp(), 1, E, 1 / E, E * E);
        assertSame(new double[] {INF, 0}, v(1000, -1000).exp().toArray(), "exp overflow/underflow");
        check(v(1, E, 10, 1e-300).log(), 0, 1, 2.302585092994046, -300 * 2.302585092994046);
        assertSame(new double[] {-INF, NAN}, v(0, -1).log().toArray(), "log at 0 and below");
    }

    @Test
    void log1pAndExpm1AreAccurateNearZero() {
        // log(1+x) = x - x^2/2 + ...; expm1(x) = x + x^2/2 + ...; at 1e-10 the next terms are below 1 ulp
        check(v(1e-10, 0, E - 1, -1).log1p(), 1e-10 - 5e-21, 0, 1, -INF);
        check(v(1e-10, 0, 1, -INF).expm1(), 1e-10 + 5e-21, 0, E - 1, -1);
    }

    @Test
    void sqrt() {
        check(v(0, 1, 4, 2, 0.25, INF).sqrt(), 0, 1, 2, 1.4142135623730951, 0.5, INF);
        assertTrue(Double.isNaN(v(-1).sqrt().item()));
    }

    @Test
    void trigonometry() {
        check(v(0, PI / 6, PI / 2, PI).sin(), 0, 0.5, 1, 1.2246467991473532e-16);
        check(v(0, PI / 3, PI / 2, PI).cos(), 1, 0.5, 6.123233995736766e-17, -1);
        check(v(0, PI / 4, -PI / 4, 1).tan(), 0, 1, -1, 1.5574077246549023);
        check(v(0, 0.5, 1, -1).asin(), 0, PI / 6, PI / 2, -PI / 2);
        check(v(1, 0.5, 0, -1).acos(), 0, PI / 3, PI / 2, PI);
        check(v(0, 1, -1, INF).atan(), 0, PI / 4, -PI / 4, PI / 2);
        assertTrue(Double.isNaN(v(1.5).asin().item()));
        assertTrue(Double.isNaN(v(-1.5).acos().item()));
    }

    @Test
    void hyperbolic() {
        // sinh 1 = (e - 1/e)/2, cosh 1 = (e + 1/e)/2, tanh(1/2) = (e - 1)/(e + 1)
        check(v(0, 1, -1).sinh(), 0, 1.1752011936438014, -1.1752011936438014);
        check(v(0, 1, -1).cosh(), 1, 1.5430806348152437, 1.5430806348152437);
        check(v(0, 0.5, -0.5, 1000, -1000).tanh(), 0, 0.46211715726000974, -0.46211715726000974, 1, -1);
        assertSame(new double[] {INF, -INF, INF}, v(1000, -1000, -1000).sinh().mul(v(1, 1, -1)).toArray(), "sinh overflow");
    }

    @Test
    void sigmoidIsStableForLargeArguments() {
        // sigmoid(2) = 1/(1+e^-2); sigmoid(-x) = 1 - sigmoid(x)
        check(v(0, 2, -2, 800, -800, INF, -INF).sigmoid(),
                0.5, 0.8807970779778823, 1 - 0.8807970779778823, 1, 0, 1, 0);
        // far in the left tail it is e^x, not a rounded 0 from 1 - (1 - e^x)
        assertClose(new double[] {Math.exp(-700)}, v(-700).sigmoid().toArray(), 1e-14, "sigmoid(-700)");
    }

    @Test
    void softplusIsStableForLargeArguments() {
        // softplus(0) = ln 2; softplus(x) = x + log1p(e^-x) for large x; ~ e^x for very negative x
        check(v(0, 1000, -1000, 30, -30, INF, -INF).softplus(),
                0.6931471805599453, 1000, 0, 30 + 9.357622968839737e-14, 9.357622968839737e-14, INF, 0);
        assertClose(new double[] {Math.exp(-700)}, v(-700).softplus().toArray(), 1e-14, "softplus(-700)");
    }

    @Test
    void reluAbsSign() {
        assertSame(new double[] {0, 0, 0, 2.5, INF}, v(-3, -0.0, 0, 2.5, INF).relu().toArray(), "relu");
        assertSame(new double[] {3, 0, 2.5, INF}, v(-3, -0.0, 2.5, -INF).abs().toArray(), "abs");
        assertSame(new double[] {-1, 0, 1, 1, -1}, v(-3, 0, 2.5, INF, -1e-300).sign().toArray(), "sign");
    }

    @Test
    void unaryFunctionsPropagateNaN() {
        NDArray nan = v(NAN);
        NDArray[] all = {nan.neg(), nan.exp(), nan.log(), nan.log1p(), nan.expm1(), nan.sqrt(), nan.sin(), nan.cos(),
            nan.tan(), nan.asin(), nan.acos(), nan.atan(), nan.sinh(), nan.cosh(), nan.tanh(), nan.sigmoid(),
            nan.softplus(), nan.relu(), nan.abs(), nan.sign()};
        for (int i = 0; i < all.length; i++) assertTrue(Double.isNaN(all[i].item()), "function #" + i + " of NaN");
    }

    @Test
    void unaryOpsKeepShapeAndDoNotTouchTheInput() {
        NDArray x = NDArray.of(Shape.of(2, 2), 1, 4, 9, 16);
        NDArray y = x.sqrt();
        Ref.assertShape(y, 2, 2);
        assertSame(new double[] {1, 2, 3, 4}, y.toArray(), "sqrt");
        assertSame(new double[] {1, 4, 9, 16}, x.toArray(), "input unchanged");
        assertSame(new double[] {-1, -4, -9, -16}, x.neg().toArray(), "neg");
    }
}
