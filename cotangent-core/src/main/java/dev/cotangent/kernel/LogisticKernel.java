package dev.cotangent.kernel;

/**
 * The S-shaped functions over {@code double[]}, built on {@link ExpKernel} and {@link LogKernel}'s block loops
 * (a scalar loop for the bits, a branch-free loop for the arithmetic that HotSpot vectorises):
 * {@code tanh x = sign(x) e/(e+2)} with {@code e = expm1(2|x|)} (|x| clamped at 22, where tanh rounds to 1),
 * the logistic {@code σ(x) = n/(1+e)} with {@code e = e^-|x|} and {@code n = 1} for x &gt;= 0, {@code e}
 * otherwise, and {@code softplus x = max(x,0) + log1p(e^-|x|)}.
 *
 * <p>Accuracy, tested on 10^6 random inputs in the unit tests and 10^8 by
 * {@code dev.cotangent.bench.kernels.UlpCheck}: tanh at most 2 ulp from {@link StrictMath#tanh}; σ and
 * softplus at most 2 ulp from the same stable formulas evaluated with {@code StrictMath.exp/log1p} (there is
 * no StrictMath σ). Writes {@code out[0..n)} only; {@code x} may be {@code out}.
 */
public final class LogisticKernel {
    private LogisticKernel() {}

    private static final long SIGN = Long.MIN_VALUE;

    /** {@code out[i] = tanh x[i]} for {@code i < n}. */
    public static void tanh(double[] x, double[] out, int n) {
        if (n <= ExpKernel.SMALL) {
            for (int i = 0; i < n; i++) out[i] = tanh(x[i]);
            return;
        }
        int len = Math.min(n, ExpKernel.BLOCK);
        double[] v = new double[len];
        double[] a = new double[len];
        ExpKernel.Parts p = new ExpKernel.Parts(len);
        for (int b = 0; b < n; b += ExpKernel.BLOCK) {
            int m = Math.min(ExpKernel.BLOCK, n - b);
            System.arraycopy(x, b, v, 0, m);
            for (int j = 0; j < m; j++) a[j] = 2.0 * Math.min(Math.abs(v[j]), 22.0);
            ExpKernel.expm1Parts(a, p, m);
            double[] hi = p.hi;
            double[] lo = p.lo;
            for (int j = 0; j < m; j++) a[j] = ratio(hi[j], lo[j]);
            for (int j = 0; j < m; j++) out[b + j] = withSignOf(a[j], v[j]);
        }
    }

    /** {@code out[i] = 1/(1+e^-x[i])} for {@code i < n}. */
    public static void sigmoid(double[] x, double[] out, int n) {
        if (n <= ExpKernel.SMALL) {
            for (int i = 0; i < n; i++) out[i] = sigmoid(x[i]);
            return;
        }
        int len = Math.min(n, ExpKernel.BLOCK);
        double[] v = new double[len];
        double[] e = new double[len];
        double[] s = new double[len];
        for (int b = 0; b < n; b += ExpKernel.BLOCK) {
            int m = Math.min(ExpKernel.BLOCK, n - b);
            System.arraycopy(x, b, v, 0, m);
            for (int j = 0; j < m; j++) e[j] = -Math.abs(v[j]);
            ExpKernel.expBlock(e, s, m);
            // s becomes 1 for x < 0 (and -0), else 0: the numerator is then e or 1 (0 * e and 1 * e are exact)
            for (int j = 0; j < m; j++) s[j] = (double) (Double.doubleToRawLongBits(v[j]) >>> 63);
            for (int j = 0; j < m; j++) e[j] = (s[j] * e[j] + (1.0 - s[j])) / (1.0 + e[j]);
            for (int j = 0; j < m; j++) {
                if (!(Math.abs(v[j]) <= ExpKernel.FAST)) e[j] = sigmoid(v[j]);
            }
            System.arraycopy(e, 0, out, b, m);
        }
    }

    /** {@code out[i] = log(1+e^x[i])} for {@code i < n}. */
    public static void softplus(double[] x, double[] out, int n) {
        if (n <= ExpKernel.SMALL) {
            for (int i = 0; i < n; i++) out[i] = softplus(x[i]);
            return;
        }
        int len = Math.min(n, ExpKernel.BLOCK);
        double[] v = new double[len];
        double[] e = new double[len];
        double[] s = new double[len];
        LogKernel.Scratch w = new LogKernel.Scratch(len);
        for (int b = 0; b < n; b += ExpKernel.BLOCK) {
            int m = Math.min(ExpKernel.BLOCK, n - b);
            System.arraycopy(x, b, v, 0, m);
            for (int j = 0; j < m; j++) e[j] = -Math.abs(v[j]);
            ExpKernel.expBlock(e, s, m);
            LogKernel.log1pBlock(e, w, m);
            for (int j = 0; j < m; j++) e[j] = Math.max(v[j], 0.0) + e[j];
            for (int j = 0; j < m; j++) {
                if (!(Math.abs(v[j]) <= ExpKernel.FAST)) e[j] = softplus(v[j]);
            }
            System.arraycopy(e, 0, out, b, m);
        }
    }

    /** tanh x for any x (NaN stays NaN, ±0 keeps its sign, ±Inf gives ±1). */
    public static double tanh(double x) {
        double a = 2.0 * Math.min(Math.abs(x), 22.0);
        double s = ExpKernel.pow2(Double.doubleToRawLongBits(a * ExpKernel.LOG2E + ExpKernel.SHIFT) - ExpKernel.SHIFT_BITS);
        return withSignOf(ratio(ExpKernel.expm1Hi(a, s), ExpKernel.expm1Lo(a, s)), x);
    }

    /**
     * e/(e+2) for e = hi + lo &gt;= 0 (a double-double) with one correction step: the sum e+2 is split into
     * its rounded value and exact error (two-sum) and the quotient's residual taken with an FMA, so that the
     * result is rounded about once (a plain e/(e+2) is up to 4 ulp from StrictMath near |x| = 0.2).
     */
    private static double ratio(double hi, double lo) {
        double d = hi + 2.0;
        double bb = d - hi;
        double de = (hi - (d - bb)) + (2.0 - bb) + lo; // e + 2 = d + de
        double e = hi + lo;
        double t = e / (e + 2.0);
        return t + ((Math.fma(-t, d, hi) + lo) - t * de) / d;
    }

    /** The logistic function 1/(1+e^-x) for any x, without overflow for either sign. */
    public static double sigmoid(double x) {
        if (x != x) return x;
        double e = ExpKernel.exp(-Math.abs(x));
        return x > 0 || Double.doubleToRawLongBits(x) == 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }

    /** log(1+e^x) for any x, in the stable form max(x,0) + log1p(e^-|x|). */
    public static double softplus(double x) {
        if (x != x) return x;
        double e = ExpKernel.exp(-Math.abs(x));
        return Math.max(x, 0.0) + (e < Double.MIN_NORMAL ? e : LogKernel.log1pFast(e)); // log1p(e) = e there
    }

    /** |t| with the sign of x (t is not negative). */
    private static double withSignOf(double t, double x) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(t) | (Double.doubleToRawLongBits(x) & SIGN));
    }
}
