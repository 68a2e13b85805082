package dev.cotangent.kernel;

/**
 * Elementwise functions of two arguments over {@code double[]}, with NumPy broadcasting given as strides
 * (stride 0 on a broadcast axis). Writes {@code out} only.
 */
public final class BinaryKernel {
    private BinaryKernel() {}

    /** The elementwise functions of two arguments; comparisons give 1.0 for true and 0.0 for false. */
    public enum Fn {
        ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM, ATAN2, EQ, NE, LT, LE, GT, GE;

        /** The lower-case name used in messages and graph listings. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The function on one pair of numbers. */
        public double apply(double a, double b) {
            switch (this) {
                case ADD: return a + b;
                case SUB: return a - b;
                case MUL: return a * b;
                case DIV: return a / b;
                case POW: return Math.pow(a, b);
                case MAXIMUM: return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
                case MINIMUM: return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b);
                case ATAN2: return Math.atan2(a, b);
                case EQ: return a == b ? 1.0 : 0.0;
                case NE: return a != b ? 1.0 : 0.0;
                case LT: return a < b ? 1.0 : 0.0;
                case LE: return a <= b ? 1.0 : 0.0;
                case GT: return a > b ? 1.0 : 0.0;
                case GE: return a >= b ? 1.0 : 0.0;
                default: throw new AssertionError(this);
            }
        }
    }

    /** {@code out[i] = fn(a[i], b[i])} for i in [0, n): both operands of the same shape. */
    public static void same(Fn fn, double[] a, double[] b, double[] out, int n) {
        same(fn, a, 0, b, 0, out, 0, n);
    }

    /** {@code out[i] = fn(a[i], s)} for i in [0, n): the second operand a single number. */
    public static void scalarRight(Fn fn, double[] a, double s, double[] out, int n) {
        scalarRight(fn, a, 0, s, out, 0, n);
    }

    /** {@code out[i] = fn(s, b[i])} for i in [0, n): the first operand a single number. */
    public static void scalarLeft(Fn fn, double s, double[] b, double[] out, int n) {
        scalarLeft(fn, s, b, 0, out, 0, n);
    }

    /** {@code out[o+i] = fn(a[ia+i], b[ib+i])} for i in [0, n); one loop per function so each vectorises. */
    public static void same(Fn fn, double[] a, int ia, double[] b, int ib, double[] out, int o, int n) {
        switch (fn) {
            case ADD: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] + b[ib + i]; break;
            case SUB: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] - b[ib + i]; break;
            case MUL: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] * b[ib + i]; break;
            case DIV: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] / b[ib + i]; break;
            case GT: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] > b[ib + i] ? 1.0 : 0.0; break;
            case LT: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] < b[ib + i] ? 1.0 : 0.0; break;
            case GE: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] >= b[ib + i] ? 1.0 : 0.0; break;
            case LE: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] <= b[ib + i] ? 1.0 : 0.0; break;
            case EQ: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] == b[ib + i] ? 1.0 : 0.0; break;
            case NE: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] != b[ib + i] ? 1.0 : 0.0; break;
            default: for (int i = 0; i < n; i++) out[o + i] = fn.apply(a[ia + i], b[ib + i]);
        }
    }

    /** {@code out[o+i] = fn(a[ia+i], s)} for i in [0, n). */
    public static void scalarRight(Fn fn, double[] a, int ia, double s, double[] out, int o, int n) {
        switch (fn) {
            case ADD: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] + s; break;
            case SUB: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] - s; break;
            case MUL: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] * s; break;
            case DIV: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] / s; break;
            case GT: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] > s ? 1.0 : 0.0; break;
            case LT: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] < s ? 1.0 : 0.0; break;
            case GE: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] >= s ? 1.0 : 0.0; break;
            case LE: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] <= s ? 1.0 : 0.0; break;
            case EQ: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] == s ? 1.0 : 0.0; break;
            case NE: for (int i = 0; i < n; i++) out[o + i] = a[ia + i] != s ? 1.0 : 0.0; break;
            default: for (int i = 0; i < n; i++) out[o + i] = fn.apply(a[ia + i], s);
        }
    }

    /** {@code out[o+i] = fn(s, b[ib+i])} for i in [0, n). */
    public static void scalarLeft(Fn fn, double s, double[] b, int ib, double[] out, int o, int n) {
        switch (fn) {
            case ADD: for (int i = 0; i < n; i++) out[o + i] = s + b[ib + i]; break;
            case SUB: for (int i = 0; i < n; i++) out[o + i] = s - b[ib + i]; break;
            case MUL: for (int i = 0; i < n; i++) out[o + i] = s * b[ib + i]; break;
            case DIV: for (int i = 0; i < n; i++) out[o + i] = s / b[ib + i]; break;
            case GT: for (int i = 0; i < n; i++) out[o + i] = s > b[ib + i] ? 1.0 : 0.0; break;
            case LT: for (int i = 0; i < n; i++) out[o + i] = s < b[ib + i] ? 1.0 : 0.0; break;
            case GE: for (int i = 0; i < n; i++) out[o + i] = s >= b[ib + i] ? 1.0 : 0.0; break;
            case LE: for (int i = 0; i < n; i++) out[o + i] = s <= b[ib + i] ? 1.0 : 0.0; break;
            case EQ: for (int i = 0; i < n; i++) out[o + i] = s == b[ib + i] ? 1.0 : 0.0; break;
            case NE: for (int i = 0; i < n; i++) out[o + i] = s != b[ib + i] ? 1.0 : 0.0; break;
            default: for (int i = 0; i < n; i++) out[o + i] = fn.apply(s, b[ib + i]);
        }
    }

    /**
     * The general broadcasting loop: {@code out} has dimensions {@code dims} (row-major); {@code as} and
     * {@code bs} are the operands' strides over those dimensions, 0 where an operand is broadcast.
     */
    public static void strided(Fn fn, double[] a, int[] as, double[] b, int[] bs, int[] dims, double[] out) {
        int r = dims.length;
        int n = out.length;
        if (n == 0) return;
        int last = dims[r - 1];
        int sa = as[r - 1];
        int sb = bs[r - 1];
        int[] idx = new int[r];
        int ia = 0;
        int ib = 0;
        for (int o = 0; o < n; o += last) {
            if (sa == 1 && sb == 1) {
                same(fn, a, ia, b, ib, out, o, last);
            } else if (sa == 1 && sb == 0) {
                scalarRight(fn, a, ia, b[ib], out, o, last);
            } else if (sa == 0 && sb == 1) {
                scalarLeft(fn, a[ia], b, ib, out, o, last);
            } else {
                for (int j = 0; j < last; j++) out[o + j] = fn.apply(a[ia + j * sa], b[ib + j * sb]);
            }
            // advance the odometer over the leading axes
            for (int d = r - 2; d >= 0; d--) {
                idx[d]++;
                ia += as[d];
                ib += bs[d];
                if (idx[d] < dims[d]) break;
                ia -= as[d] * dims[d];
                ib -= bs[d] * dims[d];
                idx[d] = 0;
            }
        }
    }
}
