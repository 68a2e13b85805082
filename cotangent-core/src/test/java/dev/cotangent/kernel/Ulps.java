package dev.cotangent.kernel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;

/**
 * Test helpers for the transcendental kernels: the distance in ulps between two doubles, a
 * 60-digit BigDecimal exponential as an exact reference, and random inputs spread over a range both
 * uniformly and in magnitude.
 */
final class Ulps {
    private Ulps() {}

    private static final MathContext MC = new MathContext(60);

    /** How many doubles lie between a and b (0 if equal, or both NaN); +0 and -0 count as 1 apart. */
    static long between(double a, double b) {
        if (Double.isNaN(a) && Double.isNaN(b)) return 0;
        if (Double.isNaN(a) || Double.isNaN(b)) return Long.MAX_VALUE;
        long x = Double.doubleToRawLongBits(a);
        long y = Double.doubleToRawLongBits(b);
        if (x < 0) x = Long.MIN_VALUE - x;
        if (y < 0) y = Long.MIN_VALUE - y;
        return Math.abs(x - y);
    }

    /** |got - exact| in units of ulp(exact rounded to double): a real number, 0.5 for a correct rounding. */
    static double error(double got, BigDecimal exact) {
        double e = exact.doubleValue();
        return new BigDecimal(got).subtract(exact).abs().doubleValue() / Math.ulp(e);
    }

    /** e^x to 60 digits, for |x| up to a few hundred: Taylor's series of x/2^12, squared 12 times. */
    static BigDecimal exp(double x) {
        BigDecimal y = new BigDecimal(x).divide(BigDecimal.valueOf(4096), MC);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 1; k < 40; k++) {
            term = term.multiply(y, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
        }
        for (int i = 0; i < 12; i++) sum = sum.multiply(sum, MC);
        return sum;
    }

    /** tanh x = (e^2x - 1)/(e^2x + 1) to about 55 digits (for |x| not tiny). */
    static BigDecimal tanh(double x) {
        BigDecimal e = exp(2 * x);
        return e.subtract(BigDecimal.ONE).divide(e.add(BigDecimal.ONE), MC);
    }

    /** σ(x) = 1/(1 + e^-x). */
    static BigDecimal sigmoid(double x) {
        return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(-x)), MC);
    }

    /**
     * n inputs in [lo, hi]: half uniform, half with a uniformly random binary exponent (so small magnitudes
     * are well represented), each with a random sign where the range allows.
     */
    static double[] spread(Random r, int n, double lo, double hi) {
        double[] x = new double[n];
        double big = Math.max(Math.abs(lo), Math.abs(hi));
        for (int i = 0; i < n; i++) {
            double v;
            if (i % 2 == 0) {
                v = lo + (hi - lo) * r.nextDouble();
            } else {
                v = Math.scalb(1 + r.nextDouble(), Math.getExponent(big) - r.nextInt(80)) * (r.nextBoolean() ? 1 : -1);
                if (v < lo || v > hi) v = lo + (hi - lo) * r.nextDouble();
            }
            x[i] = v;
        }
        return x;
    }
}
