package dev.cotangent.check;

import dev.cotangent.tensor.NDArray;
import java.util.Arrays;

/**
 * How close two results must be: {@code |a − b|∞ ≤ atol + rtol·max(|a|∞, |b|∞)}. The comparison is norm-wise
 * (one scale for the whole array), which is what finite differences can promise: an entry that is tiny only
 * because of cancellation is not held to a relative bound it cannot meet.
 *
 * @param rtol the relative tolerance
 * @param atol the absolute tolerance, for results that are (close to) zero
 */
public record Tolerance(double rtol, double atol) {

    /** For AD against fourth-order finite differences with the default step. */
    public static final Tolerance FINITE_DIFFERENCES = new Tolerance(1e-6, 1e-9);

    /** For two AD computations of one quantity that differ only by rounding (e.g. jvp against vjp). */
    public static final Tolerance ROUNDING = new Tolerance(1e-10, 1e-12);

    public Tolerance {
        if (!(rtol >= 0) || !(atol >= 0)) {
            throw new IllegalArgumentException("tolerance: rtol " + rtol + " and atol " + atol + " must be >= 0");
        }
    }

    /** Compares {@code actual} with {@code expected}; shapes must match, NaN never passes. */
    public CheckResult compare(String check, NDArray expected, NDArray actual) {
        if (!expected.dims().equals(actual.dims())) {
            return new CheckResult(check, false, Double.POSITIVE_INFINITY, atol,
                    "shapes differ: expected " + expected.dims() + ", got " + actual.dims());
        }
        double[] e = expected.unsafeData();
        double[] a = actual.unsafeData();
        double err = 0;
        double scale = 0;
        boolean nan = false;
        for (int i = 0; i < e.length; i++) {
            double d = Math.abs(e[i] - a[i]);
            if (Double.isNaN(d)) {
                // equal infinities are a match (e.g. sqrt'(0) = +inf in both modes); anything else is not
                if (!(e[i] == a[i])) nan = true;
                continue;
            }
            err = Math.max(err, d);
            scale = Math.max(scale, Math.max(Math.abs(e[i]), Math.abs(a[i])));
        }
        double allowed = atol + rtol * scale;
        boolean ok = !nan && err <= allowed;
        return new CheckResult(check, ok, nan ? Double.NaN : err, allowed,
                "expected " + abridge(e) + ", got " + abridge(a) + " (shape " + expected.dims() + ")");
    }

    /** Compares two numbers, with {@code scale} the magnitude the relative tolerance applies to. */
    public CheckResult compare(String check, double expected, double actual, double scale) {
        double err = Math.abs(expected - actual);
        double allowed = atol + rtol * Math.max(scale, Math.max(Math.abs(expected), Math.abs(actual)));
        boolean ok = err <= allowed; // false for NaN
        return new CheckResult(check, ok, err, allowed, "expected " + expected + ", got " + actual);
    }

    private static String abridge(double[] v) {
        if (v.length <= 8) return Arrays.toString(v);
        return Arrays.toString(Arrays.copyOf(v, 8)).replace("]", ", ...] (" + v.length + " entries)");
    }
}
