package dev.cotangent.bench.kernels;

import dev.cotangent.kernel.ExpKernel;
import dev.cotangent.kernel.LogKernel;
import dev.cotangent.kernel.LogisticKernel;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * The functions measured and checked: for each, the fast array kernel, the {@code Math} loop it replaced, the
 * StrictMath reference and the ulp bound it documents, and the ranges the inputs are drawn from (a typical
 * range for timing, the whole domain for the accuracy check).
 */
enum Inputs {
    EXP(ExpKernel::exp, Math::exp, StrictMath::exp, 1, -5, 5, -746, 710),
    EXPM1(ExpKernel::expm1, Math::expm1, StrictMath::expm1, 1, -5, 5, -80, 710),
    LOG(LogKernel::log, Math::log, StrictMath::log, 1, 0, 10, 0, Double.MAX_VALUE),
    LOG1P(LogKernel::log1p, Math::log1p, StrictMath::log1p, 1, -0.9, 10, -1, 1e300),
    TANH(LogisticKernel::tanh, Math::tanh, StrictMath::tanh, 3, -5, 5, -30, 30),
    SIGMOID(LogisticKernel::sigmoid, Inputs::sigmoidMath, Inputs::sigmoidStrict, 2, -10, 10, -750, 750),
    SOFTPLUS(LogisticKernel::softplus, Inputs::softplusMath, Inputs::softplusStrict, 2, -10, 10, -750, 750);

    /** An array kernel {@code out[i] = f(x[i])}. */
    interface Kernel {
        void apply(double[] x, double[] out, int n);
    }

    final Kernel fast;
    final DoubleUnaryOperator math;
    final DoubleUnaryOperator strict;
    final long ulps;
    final double lo;
    final double hi;
    final double domainLo;
    final double domainHi;

    Inputs(Kernel fast, DoubleUnaryOperator math, DoubleUnaryOperator strict, long ulps, double lo, double hi,
           double domainLo, double domainHi) {
        this.fast = fast;
        this.math = math;
        this.strict = strict;
        this.ulps = ulps;
        this.lo = lo;
        this.hi = hi;
        this.domainLo = domainLo;
        this.domainHi = domainHi;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Math loop the kernel replaced: {@code out[i] = math(x[i])}. */
    void mathLoop(double[] x, double[] out) {
        DoubleUnaryOperator f = math;
        for (int i = 0; i < x.length; i++) out[i] = f.applyAsDouble(x[i]);
    }

    /** n timing inputs, uniform in [lo, hi]. */
    double[] timing(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = lo + (hi - lo) * r.nextDouble();
        return x;
    }

    /**
     * n accuracy inputs over the whole domain: half uniform, half with a random binary exponent over 80 octaves
     * below the largest magnitude (so small magnitudes and the subnormal end are drawn too), random sign.
     */
    void domain(SplittableRandom r, double[] x) {
        double big = Math.max(Math.abs(domainLo), Math.abs(domainHi));
        for (int i = 0; i < x.length; i++) {
            double v = domainLo + (domainHi - domainLo) * r.nextDouble();
            if ((i & 1) == 1) {
                double w = Math.scalb(1 + r.nextDouble(), Math.getExponent(big) - r.nextInt(1100)) * (r.nextBoolean() ? 1 : -1);
                if (w >= domainLo && w <= domainHi) v = w;
            }
            x[i] = v;
        }
    }

    static double sigmoidMath(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }

    static double sigmoidStrict(double x) {
        if (x >= 0) return 1 / (1 + StrictMath.exp(-x));
        double e = StrictMath.exp(x);
        return e / (1 + e);
    }

    static double softplusMath(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    static double softplusStrict(double x) {
        return Math.max(x, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)));
    }
}
