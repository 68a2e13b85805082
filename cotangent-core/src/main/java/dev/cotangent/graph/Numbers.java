package dev.cotangent.graph;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formats of the printers: six significant digits for tables, full precision where asked. */
public final class Numbers {
    private static final int DIGITS = 6;
    private static final long LOW = 100_000L;
    private static final long HIGH = 1_000_000L;

    private Numbers() {}

    /**
     * {@code v} to six significant digits without trailing zeros, plain between 1e-4 and 1e6 and in scientific
     * notation outside: 0.693147, 3, -1.5, 1.5e-7, 2.5e12, inf, -inf, nan.
     */
    public static String brief(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < HIGH) return Long.toString((long) v);
        int exp = (int) Math.floor(Math.log10(a));
        if (exp < -290 || exp > 290) return slow(v);
        long digits = scaled(a, exp);
        if (digits >= HIGH) digits = scaled(a, ++exp);
        else if (digits < LOW) digits = scaled(a, --exp);
        if (digits >= HIGH) { // 9.999995 rounded up to 10.0000
            digits /= 10;
            exp++;
        }
        String d = Long.toString(digits);
        int n = d.length();
        while (n > 1 && d.charAt(n - 1) == '0') n--;
        d = d.substring(0, n);
        StringBuilder sb = new StringBuilder(12);
        if (v < 0) sb.append('-');
        if (exp >= -4 && exp < 6) {
            if (exp >= 0) {
                if (n <= exp + 1) {
                    sb.append(d).append("0".repeat(exp + 1 - n));
                } else {
                    sb.append(d, 0, exp + 1).append('.').append(d, exp + 1, n);
                }
            } else {
                sb.append("0.").append("0".repeat(-exp - 1)).append(d);
            }
        } else {
            sb.append(d.charAt(0));
            if (n > 1) sb.append('.').append(d, 1, n);
            sb.append('e').append(exp);
        }
        return sb.toString();
    }

    /** a / 10^(exp − 5), rounded: the six leading digits of a. */
    private static long scaled(double a, int exp) {
        int k = DIGITS - 1 - exp;
        return Math.round(k >= 0 ? a * Math.pow(10, k) : a / Math.pow(10, -k));
    }

    private static String slow(double v) {
        BigDecimal d = new BigDecimal(v).round(new MathContext(DIGITS)).stripTrailingZeros();
        String s = d.toString().replace("E", "e");
        return s.replace("e+", "e");
    }

    /** {@code v} with every digit Java keeps ({@link Double#toString}): the shortest text that reads back as v. */
    public static String full(double v) {
        return Double.toString(v);
    }
}
