package dev.cotangent.graph;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Number formats of the printers: six significant digits for tables, full precision where asked. */
public final class Numbers {
    private static final MathContext SIX = new MathContext(6, RoundingMode.HALF_EVEN);

    private Numbers() {}

    /** {@code v} to six significant digits without trailing zeros: 0.693147, 3, 1.5e-07, -inf, nan. */
    public static String brief(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return "0";
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return Long.toString((long) v);
        BigDecimal d = new BigDecimal(v).round(SIX).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) return d.toPlainString();
        String s = d.toString().replace("E", "e");
        return s.replace("e+", "e");
    }

    /** {@code v} with every digit Java keeps ({@link Double#toString}): the shortest text that reads back as v. */
    public static String full(double v) {
        return Double.toString(v);
    }
}
