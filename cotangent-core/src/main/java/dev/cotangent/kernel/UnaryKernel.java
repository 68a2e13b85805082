package dev.cotangent.kernel;

/**
 * Elementwise maps {@code out[i] = f(x[i])} over {@code double[]}; each function has its own loop so the
 * JIT can compile it alone. exp, expm1, log, log1p, tanh, σ and softplus go to the vectorisable kernels of
 * {@link ExpKernel}, {@link LogKernel} and {@link LogisticKernel} (within 1 ulp of StrictMath, tanh/σ/softplus
 * within the bounds those classes state); the others use {@link Math}. Writes {@code out[0..n)} only;
 * {@code x} may be {@code out}.
 */
public final class UnaryKernel {
    private UnaryKernel() {}

    /** The elementwise functions of one argument. */
    public enum Fn {
        NEG, EXP, LOG, LOG1P, EXPM1, SQRT, SIN, COS, TAN, ASIN, ACOS, ATAN, SINH, COSH, TANH,
        SIGMOID, SOFTPLUS, RELU, ABS, SIGN, SQUARE, RECIPROCAL, FLOOR;

        /** The lower-case name used in messages and graph listings. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Applies {@code fn} to {@code x[0..n)} into {@code out[0..n)}. */
    public static void apply(Fn fn, double[] x, double[] out, int n) {
        switch (fn) {
            case NEG: for (int i = 0; i < n; i++) out[i] = -x[i]; break;
            case EXP: ExpKernel.exp(x, out, n); break;
            case LOG: LogKernel.log(x, out, n); break;
            case LOG1P: LogKernel.log1p(x, out, n); break;
            case EXPM1: ExpKernel.expm1(x, out, n); break;
            case SQRT: for (int i = 0; i < n; i++) out[i] = Math.sqrt(x[i]); break;
            case SIN: for (int i = 0; i < n; i++) out[i] = Math.sin(x[i]); break;
            case COS: for (int i = 0; i < n; i++) out[i] = Math.cos(x[i]); break;
            case TAN: for (int i = 0; i < n; i++) out[i] = Math.tan(x[i]); break;
            case ASIN: for (int i = 0; i < n; i++) out[i] = Math.asin(x[i]); break;
            case ACOS: for (int i = 0; i < n; i++) out[i] = Math.acos(x[i]); break;
            case ATAN: for (int i = 0; i < n; i++) out[i] = Math.atan(x[i]); break;
            case SINH: for (int i = 0; i < n; i++) out[i] = Math.sinh(x[i]); break;
            case COSH: for (int i = 0; i < n; i++) out[i] = Math.cosh(x[i]); break;
            case TANH: LogisticKernel.tanh(x, out, n); break;
            case SIGMOID: LogisticKernel.sigmoid(x, out, n); break;
            case SOFTPLUS: LogisticKernel.softplus(x, out, n); break;
            case RELU: for (int i = 0; i < n; i++) out[i] = x[i] <= 0 ? 0.0 : x[i]; break; // one compare; NaN stays NaN
            case ABS: for (int i = 0; i < n; i++) out[i] = Math.abs(x[i]); break;
            case SIGN: for (int i = 0; i < n; i++) out[i] = Math.signum(x[i]); break;
            case SQUARE: for (int i = 0; i < n; i++) out[i] = x[i] * x[i]; break;
            case RECIPROCAL: for (int i = 0; i < n; i++) out[i] = 1.0 / x[i]; break;
            case FLOOR: for (int i = 0; i < n; i++) out[i] = Math.floor(x[i]); break;
            default: throw new AssertionError(fn);
        }
    }

    /** The logistic function 1/(1+e^-x), computed without overflow for either sign of x ({@link LogisticKernel}). */
    public static double sigmoid(double x) {
        return LogisticKernel.sigmoid(x);
    }

    /** log(1+e^x) in the stable form max(x,0) + log1p(e^-|x|) ({@link LogisticKernel}). */
    public static double softplus(double x) {
        return LogisticKernel.softplus(x);
    }
}
