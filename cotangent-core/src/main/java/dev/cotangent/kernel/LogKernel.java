package dev.cotangent.kernel;

/**
 * The natural logarithm {@code log x} and {@code log(1+x)} over {@code double[]}, with loops free of branches
 * and table look-ups: {@code x = 2^k z} with {@code z} in {@code [√2/2, √2)} taken from the bits,
 * {@code f = z - 1}, {@code s = f/(2+f)} and fdlibm's degree-14 minimax polynomial in {@code s} for
 * {@code log(1+f) = f - f²/2 + s(f²/2 + R(s²))} (the form of musl's {@code log.c}); log1p adds the rounding
 * error of {@code 1+x}, found exactly with Knuth's two-sum, as {@code c/(1+x)}. Work goes in blocks (as in
 * {@link ExpKernel}): a scalar loop for the bits, vectorised loops for the arithmetic, and a last loop patches the
 * inputs outside the fast range (x &lt;= 0, subnormal, +Inf, NaN for log; x &lt;= -1, ±0, +Inf, NaN for
 * log1p) with the scalar functions.
 *
 * <p>Accuracy, tested on 10^6 random inputs per function in the unit tests and on 10^8 by
 * {@code dev.cotangent.bench.kernels.UlpCheck}: at most 1 ulp from {@link StrictMath#log} and
 * {@link StrictMath#log1p}. Writes {@code out[0..n)} only; {@code x} may be {@code out}.
 */
public final class LogKernel {
    private LogKernel() {}

    /** The bits of √2/2: subtracting them puts the mantissa's split point at √2. */
    private static final long SQRT_HALF_BITS = 0x3fe6a09e667f3bcdL;
    private static final long EXP_MASK = 0xfffL << 52;
    private static final double LG1 = 6.666666666666735130e-01;
    private static final double LG2 = 3.999999999940941908e-01;
    private static final double LG3 = 2.857142874366239149e-01;
    private static final double LG4 = 2.222219843214978396e-01;
    private static final double LG5 = 1.818357216161805012e-01;
    private static final double LG6 = 1.531383769920937332e-01;
    private static final double LG7 = 1.479819860511658591e-01;

    /** {@code out[i] = log x[i]} for {@code i < n}. */
    public static void log(double[] x, double[] out, int n) {
        if (n <= ExpKernel.SMALL) {
            for (int i = 0; i < n; i++) out[i] = log(x[i]);
            return;
        }
        Scratch w = new Scratch(n);
        double[] a = w.u;
        for (int b = 0; b < n; b += ExpKernel.BLOCK) {
            int m = Math.min(ExpKernel.BLOCK, n - b);
            System.arraycopy(x, b, a, 0, m);
            split(a, w, m);
            double[] z = w.z;
            double[] k = w.k;
            for (int j = 0; j < m; j++) a[j] = logSplit(z[j], k[j], 0.0);
            for (int j = 0; j < m; j++) {
                double v = x[b + j]; // patched before out is written, since x may be out
                if (!(v >= Double.MIN_NORMAL && v < Double.POSITIVE_INFINITY)) a[j] = log(v);
            }
            System.arraycopy(a, 0, out, b, m);
        }
    }

    /** {@code out[i] = log(1 + x[i])} for {@code i < n}, accurate for small x. */
    public static void log1p(double[] x, double[] out, int n) {
        if (n <= ExpKernel.SMALL) {
            for (int i = 0; i < n; i++) out[i] = log1p(x[i]);
            return;
        }
        Scratch w = new Scratch(n);
        double[] a = new double[w.u.length];
        for (int b = 0; b < n; b += ExpKernel.BLOCK) {
            int m = Math.min(ExpKernel.BLOCK, n - b);
            System.arraycopy(x, b, a, 0, m);
            log1pBlock(a, w, m);
            for (int j = 0; j < m; j++) {
                double v = x[b + j];
                if (!(v > -1 && v < Double.POSITIVE_INFINITY) || v == 0) a[j] = log1p(v);
            }
            System.arraycopy(a, 0, out, b, m);
        }
    }

    /** The block buffers of the loops: {@code 1+x}, its rounding error, the mantissa and the exponent. */
    static final class Scratch {
        final double[] u;
        final double[] c;
        final double[] z;
        final double[] k;

        Scratch(int n) {
            int m = Math.min(n, ExpKernel.BLOCK);
            u = new double[m];
            c = new double[m];
            z = new double[m];
            k = new double[m];
        }
    }

    /**
     * {@code a[j] = log(1 + a[j])} for {@code j < m}, right for -1 &lt; a &lt; +Inf, a != 0 only. Loops over
     * arrays indexed from 0 (see {@link ExpKernel#expBlock}); only {@link #split} touches bits.
     */
    static void log1pBlock(double[] a, Scratch w, int m) {
        double[] u = w.u;
        double[] c = w.c;
        for (int j = 0; j < m; j++) {
            double x = a[j];
            double uj = 1.0 + x;
            double bj = uj - 1.0;
            u[j] = uj;
            c[j] = ((1.0 - (uj - bj)) + (x - bj)) / uj; // 1 + x = u + c exactly (two-sum), as a ratio to u
        }
        split(u, w, m);
        double[] z = w.z;
        double[] k = w.k;
        for (int j = 0; j < m; j++) a[j] = logSplit(z[j], k[j], c[j]);
    }

    /** {@code x = 2^k z} with z in [√2/2, √2): the loop with the bits, for positive normal finite x. */
    static void split(double[] x, Scratch w, int m) {
        double[] z = w.z;
        double[] k = w.k;
        for (int j = 0; j < m; j++) {
            long ix = Double.doubleToRawLongBits(x[j]);
            long tmp = ix - SQRT_HALF_BITS;
            z[j] = Double.longBitsToDouble(ix - (tmp & EXP_MASK));
            k[j] = Double.longBitsToDouble((tmp >> 52) + ExpKernel.SHIFT_BITS) - ExpKernel.SHIFT;
        }
    }

    /** log x for any x: NaN below 0 and for NaN, -Inf at ±0, +Inf at +Inf; subnormals are scaled first. */
    public static double log(double x) {
        if (!(x > 0)) return x == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
        if (x == Double.POSITIVE_INFINITY) return x;
        if (x < Double.MIN_NORMAL) return logFast(x * 0x1p54, 0.0) - 54 * ExpKernel.LN2_HI - 54 * ExpKernel.LN2_LO;
        return logFast(x, 0.0);
    }

    /** log(1+x) for any x: NaN below -1, -Inf at -1, x itself at ±0. */
    public static double log1p(double x) {
        if (!(x > -1)) return x == -1 ? Double.NEGATIVE_INFINITY : Double.NaN;
        if (x == 0 || x == Double.POSITIVE_INFINITY) return x;
        return log1pFast(x);
    }

    /** log(1+x) for -1 &lt; x &lt; +Inf, x != 0 (the scalar twin of {@link #log1pBlock}). */
    static double log1pFast(double x) {
        double u = 1.0 + x;
        double b = u - 1.0;
        return logFast(u, ((1.0 - (u - b)) + (x - b)) / u);
    }

    /** log(x) + c for a positive normal finite x (the scalar twin of {@link #split} and {@link #logSplit}). */
    static double logFast(double x, double c) {
        long ix = Double.doubleToRawLongBits(x);
        long tmp = ix - SQRT_HALF_BITS;
        double z = Double.longBitsToDouble(ix - (tmp & EXP_MASK));
        return logSplit(z, Double.longBitsToDouble((tmp >> 52) + ExpKernel.SHIFT_BITS) - ExpKernel.SHIFT, c);
    }

    /**
     * log(2^k z) + c for z in [√2/2, √2) and a small correction c: k ln2 + log(1+f) with f = z - 1, the
     * correction added before the last, largest terms.
     */
    static double logSplit(double z, double kd, double c) {
        double f = z - 1.0;
        double hfsq = 0.5 * f * f;
        double s = f / (2.0 + f);
        double z2 = s * s;
        double w = z2 * z2;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z2 * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        double r = t2 + t1;
        return s * (hfsq + r) + (kd * ExpKernel.LN2_LO + c) - hfsq + f + kd * ExpKernel.LN2_HI;
    }
}
