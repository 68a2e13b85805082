package dev.cotangent.kernel;

/**
 * The exponential {@code e^x} and {@code e^x - 1} over {@code double[]}, written so that the loops have no
 * branches and no table look-ups: range reduction {@code x = k ln2 + r} with {@code |r| <= ln2/2} (Cody and
 * Waite's two-part ln2, as in fdlibm), the degree-13 Taylor polynomial of {@code e^r - 1} (truncation error
 * below {@code 5e-18} relative), and the scale {@code 2^k} built from exponent bits. Work goes in blocks of
 * 512 copied to scratch arrays: a scalar loop does the bit work, short arithmetic loops (which C2
 * vectorises) the rest, and a last loop patches the
 * few inputs outside the fast range (NaN, ±Inf, ±0 for expm1, overflow, underflow and subnormal results)
 * with the scalar functions, which handle everything.
 *
 * <p>Accuracy, tested on 10^6 random inputs per function in the unit tests and on 10^8 by
 * {@code dev.cotangent.bench.kernels.UlpCheck}: at most 1 ulp from {@link StrictMath#exp} and
 * {@link StrictMath#expm1} (both results are faithful roundings of e^x). Writes {@code out[0..n)} only;
 * {@code x} may be {@code out}.
 */
public final class ExpKernel {
    private ExpKernel() {}

    static final double LOG2E = 0x1.71547652b82fep0;
    /** 1.5 * 2^52: adding it rounds to an integer and leaves that integer in the low bits. */
    static final double SHIFT = 0x1.8p52;
    static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
    /** fdlibm's ln2 in two parts; {@code k * LN2_HI} is exact for |k| < 2^20. */
    static final double LN2_HI = 0x1.62e42feep-1;
    static final double LN2_LO = 0x1.a39ef35793c76p-33;
    /** The fast loops cover [-FAST, FAST], where 2^k is a normal number. */
    static final double FAST = 708.0;
    /** The block of a loop pair (bits, then arithmetic): small enough to stay in L1 with its scratch. */
    static final int BLOCK = 512;
    /** Arrays this short go through the scalar functions (same results): no scratch arrays for 0-d tensors. */
    static final int SMALL = 16;

    /** {@code out[i] = e^x[i]} for {@code i < n}. */
    public static void exp(double[] x, double[] out, int n) {
        if (n <= SMALL) {
            for (int i = 0; i < n; i++) out[i] = exp(x[i]);
            return;
        }
        double[] a = new double[Math.min(n, BLOCK)];
        double[] s = new double[a.length];
        for (int b = 0; b < n; b += BLOCK) {
            int m = Math.min(BLOCK, n - b);
            System.arraycopy(x, b, a, 0, m);
            expBlock(a, s, m);
            for (int j = 0; j < m; j++) {
                double v = x[b + j]; // patched before out is written, since x may be out
                if (!(Math.abs(v) <= FAST)) a[j] = exp(v);
            }
            System.arraycopy(a, 0, out, b, m);
        }
    }

    /** {@code out[i] = e^x[i] - 1} for {@code i < n}, accurate for small x. */
    public static void expm1(double[] x, double[] out, int n) {
        if (n <= SMALL) {
            for (int i = 0; i < n; i++) out[i] = expm1(x[i]);
            return;
        }
        Parts p = new Parts(n);
        double[] a = new double[p.s.length];
        for (int b = 0; b < n; b += BLOCK) {
            int m = Math.min(BLOCK, n - b);
            System.arraycopy(x, b, a, 0, m);
            expm1Parts(a, p, m);
            double[] hi = p.hi;
            double[] lo = p.lo;
            for (int j = 0; j < m; j++) a[j] = hi[j] + lo[j];
            for (int j = 0; j < m; j++) {
                double v = x[b + j];
                if (!(v >= -60 && v <= FAST) || v == 0) a[j] = expm1(v);
            }
            System.arraycopy(a, 0, out, b, m);
        }
    }

    /** The block buffers of {@link #expm1Parts}: scales, reduced arguments, and the double-double result. */
    static final class Parts {
        final double[] s;
        final double[] r;
        final double[] hi;
        final double[] lo;

        Parts(int n) {
            int m = Math.min(n, BLOCK);
            s = new double[m];
            r = new double[m];
            hi = new double[m];
            lo = new double[m];
        }
    }

    /**
     * {@code e^a[j] - 1 = hi[j] + lo[j]} (a double-double) for {@code j < m}, right for -60 <= a <= 708 only,
     * as {@link #expm1Hi} and {@link #expm1Lo} compute it but in four short loops: C2 unrolls, and so
     * vectorises, only loops with small bodies.
     */
    static void expm1Parts(double[] a, Parts p, int m) {
        double[] s = p.s;
        double[] r = p.r;
        double[] hi = p.hi;
        double[] lo = p.lo;
        scales(a, s, m);
        for (int j = 0; j < m; j++) r[j] = reduce(a[j]);
        for (int j = 0; j < m; j++) lo[j] = expm1Tail(r[j]);
        for (int j = 0; j < m; j++) {
            double sj = s[j];
            double a1 = sj - 1.0;
            double ea = (sj - a1) - 1.0;
            double b1 = sj * r[j];
            double h = a1 + b1;
            double e1 = b1 - (h - a1);
            hi[j] = h;
            lo[j] = (e1 + ea) + sj * lo[j];
        }
    }

    /** {@code r = x - k ln2} for the integer k nearest {@code x/ln2}, in Cody and Waite's two steps. */
    static double reduce(double x) {
        double kd = (x * LOG2E + SHIFT) - SHIFT;
        return (x - kd * LN2_HI) - kd * LN2_LO;
    }

    /**
     * {@code Σ e^(x[off + i*stride] - m)} over {@code i < n}, for logsumexp with {@code m} the finite largest
     * element: block by block through the vectorised exp, then summed in four partial sums per block. Differences below -708
     * count as e^-708 (the sum is at least 1, so that changes nothing).
     */
    public static double sumExp(double[] x, int off, int n, int stride, double m) {
        double[] a = new double[Math.min(n, BLOCK)];
        double[] s = new double[a.length];
        double sum = 0;
        for (int b = 0; b < n; b += BLOCK) {
            int len = Math.min(BLOCK, n - b);
            for (int j = 0; j < len; j++) a[j] = Math.max(x[off + (b + j) * stride] - m, -FAST);
            expBlock(a, s, len);
            // four partial sums: an add's latency, not its throughput, bounds a single running sum
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int j = 0;
            for (; j + 3 < len; j += 4) {
                s0 += a[j];
                s1 += a[j + 1];
                s2 += a[j + 2];
                s3 += a[j + 3];
            }
            for (; j < len; j++) s0 += a[j];
            sum += (s0 + s1) + (s2 + s3);
        }
        return sum;
    }

    /**
     * {@code a[j] = e^a[j]} for {@code j < m <= BLOCK}, right for |a| <= 708 only (the caller patches the
     * rest); {@code s} is scratch. The bit work is a scalar loop of its own, so that the loop with the
     * arithmetic has none and vectorises; both index their arrays from 0 (C2 on JDK 17 does not vectorise a
     * loop whose arrays have different offsets).
     */
    static void expBlock(double[] a, double[] s, int m) {
        scales(a, s, m);
        for (int j = 0; j < m; j++) {
            a[j] = (1.0 + expm1Poly(reduce(a[j]))) * s[j];
        }
    }

    /** {@code s[j] = 2^k} where {@code k} is the integer nearest {@code a[j]/ln2}: the loop with the bits. */
    static void scales(double[] a, double[] s, int m) {
        for (int j = 0; j < m; j++) s[j] = pow2(Double.doubleToRawLongBits(a[j] * LOG2E + SHIFT) - SHIFT_BITS);
    }

    /**
     * e^x - 1 given {@code s = 2^k}: {@code (s-1) + s r + s (e^r - 1 - r)}, the first two terms summed exactly
     * (Fast2Sum: |s-1| >= |s r| for every k != 0) and their rounding error carried into the small third term,
     * so the result is rounded essentially once. {@code s - 1} is exact for k <= 53; beyond, its error -1 is
     * carried too.
     */
    static double expm1Scaled(double x, double s) {
        return expm1Hi(x, s) + expm1Lo(x, s);
    }

    /** The leading part {@code (s-1) + s r}, rounded, of {@link #expm1Scaled}. */
    static double expm1Hi(double x, double s) {
        return (s - 1.0) + s * reduce(x);
    }

    /**
     * The rest of {@link #expm1Scaled}: {@code e^x - 1 - expm1Hi} to about 2^-100 relative, so that
     * {@code expm1Hi + expm1Lo} is a double-double for callers that need more than a double (tanh).
     * C2 shares the common terms with {@code expm1Hi} when both are inlined.
     */
    static double expm1Lo(double x, double s) {
        double r = reduce(x);
        double a = s - 1.0;
        double ea = (s - a) - 1.0;
        double b = s * r;
        double hi = a + b;
        double e1 = b - (hi - a);
        return (e1 + ea) + s * expm1Tail(r);
    }

    /** e^x for any x (NaN, ±Inf, overflow to +Inf, gradual underflow to 0). */
    public static double exp(double x) {
        if (x != x) return x;
        double xc = Math.max(-746.0, Math.min(x, 710.0));
        double kd = (xc * LOG2E + SHIFT) - SHIFT;
        long k = Double.doubleToRawLongBits(kd + SHIFT) - SHIFT_BITS;
        double r = (xc - kd * LN2_HI) - kd * LN2_LO;
        long h = k >> 1;
        // two factors keep each 2^k normal; the last product rounds once, to a subnormal if need be
        return (1.0 + expm1Poly(r)) * pow2(h) * pow2(k - h);
    }

    /** e^x - 1 for any x. */
    public static double expm1(double x) {
        if (x != x || x == 0) return x;
        if (x < -60) return -1.0; // e^-60 < 2^-86: -1 + e^x rounds to -1
        if (x > FAST) return exp(x);
        return expm1Fast(x);
    }

    /** e^x - 1 for -60 <= x <= 708, x != 0. */
    static double expm1Fast(double x) {
        return expm1Scaled(x, pow2(Double.doubleToRawLongBits(x * LOG2E + SHIFT) - SHIFT_BITS));
    }

    /** e^r - 1 for |r| <= ln2/2 + a little. */
    static double expm1Poly(double r) {
        return r + expm1Tail(r);
    }

    /** e^r - 1 - r = r^2 (1/2! + r/3! + ... + r^11/13!), Taylor's degree 13 for |r| <= ln2/2 + a little. */
    static double expm1Tail(double r) {
        double q = 0x1.6124613a86d09p-33;            // 1/13!
        q = q * r + 0x1.1eed8eff8d898p-29;           // 1/12!
        q = q * r + 0x1.ae64567f544e4p-26;           // 1/11!
        q = q * r + 0x1.27e4fb7789f5cp-22;           // 1/10!
        q = q * r + 0x1.71de3a556c734p-19;           // 1/9!
        q = q * r + 0x1.a01a01a01a01ap-16;           // 1/8!
        q = q * r + 0x1.a01a01a01a01ap-13;           // 1/7!
        q = q * r + 0x1.6c16c16c16c17p-10;           // 1/6!
        q = q * r + 0x1.1111111111111p-7;            // 1/5!
        q = q * r + 0x1.5555555555555p-5;            // 1/4!
        q = q * r + 0x1.5555555555555p-3;            // 1/3!
        q = q * r + 0.5;                             // 1/2!
        return r * r * q;
    }

    /** 2^k for -1022 <= k <= 1023, from the exponent bits. */
    static double pow2(long k) {
        return Double.longBitsToDouble((k + 1023) << 52);
    }
}
