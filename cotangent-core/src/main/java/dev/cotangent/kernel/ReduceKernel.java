package dev.cotangent.kernel;

/**
 * Reductions over chosen axes of a row-major array. The input is viewed as {@code [outer, inner]} pairs:
 * each input element {@code i} belongs to output element {@code map(i)}, computed with an odometer over
 * the input dimensions and the output strides ({@code 0} on reduced axes). Writes {@code out} only.
 */
public final class ReduceKernel {
    private ReduceKernel() {}

    /** The reductions. */
    public enum Fn { SUM, PROD, MAX, MIN, LOGSUMEXP }

    /**
     * Reduces {@code x} (dimensions {@code dims}) over the axes where {@code reduced[axis]} is true into
     * {@code out}, whose size is the product of the kept dimensions.
     */
    public static void reduce(Fn fn, double[] x, int[] dims, boolean[] reduced, double[] out) {
        int r = dims.length;
        int n = x.length;
        boolean all = true;
        for (boolean b : reduced) all &= b;
        if (all || r == 0) {
            out[0] = reduceContiguous(fn, x, 0, n, 1);
            return;
        }
        // the reduced axes form a contiguous block at the end: one contiguous run per output element
        int tail = 0;
        while (tail < r && reduced[r - 1 - tail]) tail++;
        boolean onlyTail = true;
        for (int d = 0; d < r - tail; d++) onlyTail &= !reduced[d];
        if (onlyTail) {
            int inner = 1;
            for (int d = r - tail; d < r; d++) inner *= dims[d];
            for (int o = 0; o < out.length; o++) out[o] = reduceContiguous(fn, x, o * inner, inner, 1);
            return;
        }
        // the reduced axes form a contiguous block at the front (a bias gradient): add whole rows
        int head = 0;
        while (head < r && reduced[head]) head++;
        boolean onlyHead = head > 0 && n > 0;
        for (int d = head; d < r; d++) onlyHead &= !reduced[d];
        if (onlyHead && (fn == Fn.SUM || fn == Fn.MAX || fn == Fn.MIN || fn == Fn.PROD)) {
            int inner = out.length;
            int rows = n / Math.max(1, inner);
            System.arraycopy(x, 0, out, 0, inner);
            for (int row = 1; row < rows; row++) {
                int off = row * inner;
                switch (fn) {
                    case SUM: for (int j = 0; j < inner; j++) out[j] += x[off + j]; break;
                    case PROD: for (int j = 0; j < inner; j++) out[j] *= x[off + j]; break;
                    default: for (int j = 0; j < inner; j++) out[j] = combine(fn, out[j], x[off + j]);
                }
            }
            return;
        }
        if (fn == Fn.LOGSUMEXP) {
            double[] m = new double[out.length];
            reduce(Fn.MAX, x, dims, reduced, m);
            double[] s = new double[out.length];
            double[] t = new double[n];
            int[] os = outStrides(dims, reduced);
            int[] idx = new int[r];
            int o = 0;
            for (int i = 0; i < n; i++) {
                t[i] = x[i] - m[o];
                o = step(idx, dims, os, o);
            }
            ExpKernel.exp(t, t, n); // one vectorised pass; an infinite maximum is fixed below
            o = 0;
            java.util.Arrays.fill(idx, 0);
            for (int i = 0; i < n; i++) {
                double mo = m[o];
                s[o] += Double.isInfinite(mo) ? (x[i] == mo ? 1.0 : 0.0) : t[i];
                o = step(idx, dims, os, o);
            }
            for (int k = 0; k < out.length; k++) out[k] = m[k] + LogKernel.log(s[k]);
            return;
        }
        double init = identity(fn);
        java.util.Arrays.fill(out, init);
        int[] os = outStrides(dims, reduced);
        int[] idx = new int[r];
        int o = 0;
        for (int i = 0; i < n; i++) {
            out[o] = combine(fn, out[o], x[i]);
            o = step(idx, dims, os, o);
        }
    }

    /**
     * The index along one axis of the largest element, for each position of the other axes (first one on
     * ties). {@code out} has the size of {@code x} without that axis.
     */
    public static void argmax(double[] x, int[] dims, int axis, double[] out) {
        int outer = 1;
        for (int d = 0; d < axis; d++) outer *= dims[d];
        int len = dims[axis];
        int inner = 1;
        for (int d = axis + 1; d < dims.length; d++) inner *= dims[d];
        for (int a = 0; a < outer; a++) {
            for (int c = 0; c < inner; c++) {
                int base = a * len * inner + c;
                int best = 0;
                double bv = x[base];
                for (int k = 1; k < len; k++) {
                    double v = x[base + k * inner];
                    if (v > bv || (Double.isNaN(v) && !Double.isNaN(bv))) {
                        bv = v;
                        best = k;
                    }
                }
                out[a * inner + c] = best;
            }
        }
    }

    private static int[] outStrides(int[] dims, boolean[] reduced) {
        int r = dims.length;
        int[] os = new int[r];
        int s = 1;
        for (int d = r - 1; d >= 0; d--) {
            if (reduced[d]) {
                os[d] = 0;
            } else {
                os[d] = s;
                s *= dims[d];
            }
        }
        return os;
    }

    private static int step(int[] idx, int[] dims, int[] os, int o) {
        for (int d = dims.length - 1; d >= 0; d--) {
            idx[d]++;
            o += os[d];
            if (idx[d] < dims[d]) return o;
            o -= os[d] * dims[d];
            idx[d] = 0;
        }
        return o;
    }

    private static double identity(Fn fn) {
        switch (fn) {
            case SUM: return 0.0;
            case PROD: return 1.0;
            case MAX: return Double.NEGATIVE_INFINITY;
            case MIN: return Double.POSITIVE_INFINITY;
            default: throw new AssertionError(fn);
        }
    }

    private static double combine(Fn fn, double acc, double v) {
        switch (fn) {
            case SUM: return acc + v;
            case PROD: return acc * v;
            case MAX: return v > acc || Double.isNaN(v) ? v : acc;
            case MIN: return v < acc || Double.isNaN(v) ? v : acc;
            default: throw new AssertionError(fn);
        }
    }

    /** Reduces {@code n} elements of {@code x} from {@code off} with the given stride. */
    public static double reduceContiguous(Fn fn, double[] x, int off, int n, int stride) {
        switch (fn) {
            case SUM: {
                double s = 0;
                for (int i = 0; i < n; i++) s += x[off + i * stride];
                return s;
            }
            case LOGSUMEXP: {
                double m0 = Double.NEGATIVE_INFINITY;
                double m1 = Double.NEGATIVE_INFINITY;
                int i = 0;
                for (; i + 1 < n; i += 2) { // two running maxima: Math.max's latency bounds one
                    m0 = Math.max(m0, x[off + i * stride]);
                    m1 = Math.max(m1, x[off + (i + 1) * stride]);
                }
                if (i < n) m0 = Math.max(m0, x[off + i * stride]);
                double m = Math.max(m0, m1);
                if (Double.isNaN(m)) return Double.NaN;
                if (Double.isInfinite(m)) return m;
                return m + LogKernel.log(ExpKernel.sumExp(x, off, n, stride, m));
            }
            default: {
                double acc = identity(fn);
                for (int i = 0; i < n; i++) acc = combine(fn, acc, x[off + i * stride]);
                return acc;
            }
        }
    }
}
