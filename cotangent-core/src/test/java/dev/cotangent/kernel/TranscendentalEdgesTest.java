package dev.cotangent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The transcendental kernels at the special values and the switch points: NaN, ±Inf, ±0 (with the sign
 * StrictMath gives), subnormal inputs and results, the overflow and underflow thresholds, the edges of the
 * fast ranges (|x| = 708, expm1's -60, log1p's -1, tanh's 22), the points where the range reduction changes
 * k ((k + 1/2) ln2) or the mantissa split (√2/2 · 2^k); array lengths that are not a multiple of the block;
 * and running in place.
 */
class TranscendentalEdgesTest {
    private static final double LN2 = Math.log(2);

    private interface Kernel {
        void apply(double[] x, double[] out, int n);
    }

    /** xs through the array kernel and the scalar function, each within {@code ulps} of ref (specials exact). */
    private static void check(String name, Kernel k, DoubleUnaryOperator scalar, DoubleUnaryOperator ref, long ulps,
                              double[] xs) {
        double[] out = new double[xs.length];
        k.apply(xs, out, xs.length);
        for (int i = 0; i < xs.length; i++) {
            double want = ref.applyAsDouble(xs[i]);
            boolean special = Double.isNaN(want) || Double.isInfinite(want) || want == 0 || xs[i] == 0;
            long allowed = special ? 0 : ulps;
            assertTrue(Ulps.between(out[i], want) <= allowed,
                    name + "(" + xs[i] + ") = " + out[i] + ", StrictMath " + want + " (array)");
            assertTrue(Ulps.between(scalar.applyAsDouble(xs[i]), want) <= allowed,
                    name + "(" + xs[i] + ") = " + scalar.applyAsDouble(xs[i]) + ", StrictMath " + want + " (scalar)");
        }
    }

    private static double[] around(double... centres) {
        List<Double> xs = new ArrayList<>();
        for (double c : centres) {
            double v = c;
            for (int i = 0; i < 3; i++) v = Math.nextDown(v);
            for (int i = 0; i < 7; i++) {
                xs.add(v);
                v = Math.nextUp(v);
            }
        }
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] concat(double[] a, double... b) {
        double[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static final double[] SPECIALS = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, 0x1p-1060, -0x1p-1060,
        Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0};

    @Test
    void expAtThresholdsAndSwitchPoints() {
        double[] xs = concat(around(709.782712893384, -745.1332191019411, -708.3964185322641, 708, -708,
                0.5 * LN2, -0.5 * LN2, 1.5 * LN2, -1.5 * LN2, 100.5 * LN2, -1000.5 * LN2, -740), SPECIALS);
        check("exp", ExpKernel::exp, ExpKernel::exp, StrictMath::exp, 1, xs);
        assertEquals(Double.POSITIVE_INFINITY, ExpKernel.exp(709.7827128933841));
        assertTrue(ExpKernel.exp(709.782712893384) < Double.POSITIVE_INFINITY, "largest finite e^x");
        assertEquals(Double.MIN_VALUE, ExpKernel.exp(-745.1332191019411));
        assertEquals(0.0, ExpKernel.exp(-745.2));
        assertEquals(1.0, ExpKernel.exp(-0.0));
    }

    @Test
    void expm1AtThresholdsAndSwitchPoints() {
        double[] xs = concat(around(-60, 708, 709.782712893384, 0.5 * LN2, -0.5 * LN2, 1.5 * LN2, -1.5 * LN2,
                53.5 * LN2, 54.5 * LN2, 1e-300, -1e-300), SPECIALS);
        check("expm1", ExpKernel::expm1, ExpKernel::expm1, StrictMath::expm1, 1, xs);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(ExpKernel.expm1(-0.0)));
        assertEquals(-1.0, ExpKernel.expm1(Double.NEGATIVE_INFINITY));
        assertEquals(Double.MIN_VALUE, ExpKernel.expm1(Double.MIN_VALUE), "subnormal x gives x");
    }

    @Test
    void logAtThresholdsAndSwitchPoints() {
        double s = Math.sqrt(0.5);
        double[] xs = concat(around(s, 2 * s, 4 * s, s * 0x1p-1000, s * 0x1p1000, 1.0, 2.0, Double.MIN_NORMAL,
                Double.MAX_VALUE, Double.MIN_VALUE, 0x1p-1050), SPECIALS);
        check("log", LogKernel::log, LogKernel::log, StrictMath::log, 1, xs);
        assertEquals(Double.NEGATIVE_INFINITY, LogKernel.log(-0.0));
        assertTrue(Double.isNaN(LogKernel.log(-Double.MIN_VALUE)));
        assertEquals(0.0, LogKernel.log(1.0));
    }

    @Test
    void log1pAtThresholdsAndSwitchPoints() {
        double s = Math.sqrt(0.5);
        double[] xs = concat(around(-1 + 0x1p-53, s - 1, 2 * s - 1, 1e-300, -1e-300, 0x1p53, 0x1p54, 1.0),
                concat(SPECIALS, -1.0, Math.nextDown(-1.0)));
        check("log1p", LogKernel::log1p, LogKernel::log1p, StrictMath::log1p, 1, xs);
        assertEquals(Double.NEGATIVE_INFINITY, LogKernel.log1p(-1.0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(LogKernel.log1p(-0.0)));
    }

    @Test
    void tanhSigmoidSoftplusAtSpecials() {
        double[] xs = concat(around(22, -22, 0.25 * LN2, 0.75 * LN2, 19.06), SPECIALS);
        check("tanh", LogisticKernel::tanh, LogisticKernel::tanh, StrictMath::tanh, 3, xs);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(LogisticKernel.tanh(-0.0)));
        assertEquals(-1.0, LogisticKernel.tanh(Double.NEGATIVE_INFINITY));
        double[] ys = concat(around(708, -708, 745, -745, 0.0, 36.7, -36.7), SPECIALS);
        check("sigmoid", LogisticKernel::sigmoid, LogisticKernel::sigmoid, TranscendentalTest::sigmoidRef, 2, ys);
        check("softplus", LogisticKernel::softplus, LogisticKernel::softplus, TranscendentalTest::softplusRef, 2, ys);
        assertEquals(0.5, LogisticKernel.sigmoid(-0.0));
        assertEquals(Double.MIN_VALUE, LogisticKernel.sigmoid(-745.0), "e^-745 is the smallest subnormal");
        assertEquals(0.0, LogisticKernel.sigmoid(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, LogisticKernel.softplus(Double.POSITIVE_INFINITY));
    }

    @Test
    void oddLengthsInPlaceWriteOnlyTheFirstN() {
        for (int n : new int[] {0, 1, 511, 512, 513, 1500}) {
            double[] x = new double[n + 1];
            for (int i = 0; i < x.length; i++) x[i] = Math.sin(i) * 5;
            double[] want = new double[n];
            for (int i = 0; i < n; i++) want[i] = ExpKernel.exp(x[i]);
            ExpKernel.exp(x, x, n);
            for (int i = 0; i < n; i++) assertEquals(want[i], x[i], "exp in place, n=" + n + ", i=" + i);
            assertEquals(Math.sin(n) * 5, x[n], "element n untouched");
            double[] sp0 = {Double.NaN, Double.NEGATIVE_INFINITY, -1000, 1000, 0.0, -0.0, -1.0, -2.0};
            double[] sp = new double[3 * sp0.length]; // longer than ExpKernel.SMALL: the block path
            for (int i = 0; i < sp.length; i++) sp[i] = sp0[i % sp0.length];
            for (Kernel k : new Kernel[] {ExpKernel::exp, ExpKernel::expm1, LogKernel::log, LogKernel::log1p,
                LogisticKernel::tanh, LogisticKernel::sigmoid, LogisticKernel::softplus}) {
                double[] apart = new double[sp.length];
                k.apply(sp, apart, sp.length);
                double[] inPlace = sp.clone();
                k.apply(inPlace, inPlace, sp.length);
                for (int i = 0; i < sp.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(apart[i]), Double.doubleToRawLongBits(inPlace[i]),
                            "special value " + sp[i] + " in place");
                }
            }
            double[] y = {0.5, 2, 3};
            LogKernel.log(y, y, 2);
            LogKernel.log1p(y, y, 2);
            LogisticKernel.tanh(y, y, 2);
            assertEquals(3, y[2]);
        }
    }

    @Test
    void logsumexpOverEitherAxisWithInfinitiesAndLargeSpreads() {
        // [3, 4] matrix, columns: ordinary, one -Inf, all -Inf, +Inf with others, spread beyond e^-708
        double ninf = Double.NEGATIVE_INFINITY;
        double[] x = {1, ninf, ninf, Double.POSITIVE_INFINITY, 2, 0.5, ninf, 1, 3, -1, ninf, -800};
        double[] cols = new double[4];
        ReduceKernel.reduce(ReduceKernel.Fn.LOGSUMEXP, x, new int[] {3, 4}, new boolean[] {true, false}, cols);
        assertEquals(3 + Math.log1p(Math.exp(-1) + Math.exp(-2)), cols[0], 1e-15);
        assertEquals(0.5 + Math.log1p(Math.exp(-1.5)), cols[1], 1e-15);
        assertEquals(ninf, cols[2]);
        assertEquals(Double.POSITIVE_INFINITY, cols[3]);
        double[] rows = new double[1];
        double[] y = {0, -800, -1e300, 5};
        ReduceKernel.reduce(ReduceKernel.Fn.LOGSUMEXP, y, new int[] {1, 4}, new boolean[] {false, true}, rows);
        assertEquals(5 + Math.log1p(Math.exp(-5)), rows[0], 1e-15, "terms below e^-708 relative count as nothing");
        double[] big = new double[2000];
        for (int i = 0; i < big.length; i++) big[i] = Math.sin(i) * 30;
        double m = 0;
        for (double v : big) m = Math.max(m, v);
        double s = 0;
        for (double v : big) s += StrictMath.exp(v - m);
        double want = m + StrictMath.log(s);
        double got = ReduceKernel.reduceContiguous(ReduceKernel.Fn.LOGSUMEXP, big, 0, big.length, 1);
        assertTrue(Ulps.between(got, want) <= 2, got + " vs " + want + " (blocks of 512 plus a tail)");
    }
}
