package dev.cotangent.tensor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats an {@link NDArray} the way NumPy's {@code str} does (its default print options): one format for
 * the whole array, fixed-point unless the magnitudes call for scientific notation (largest >= 1e8, smallest
 * non-zero < 1e-4, or a ratio above 1000), the shortest digits that identify each number but at most 8
 * after the point, decimal points aligned, rows wrapped at 75 characters, and arrays of more than 1000
 * elements summarised with "..." after 3 items at each edge of each axis. A 0-d array prints as its number.
 * One departure from NumPy: −0.0 prints as 0 ({@code 0.}, {@code 0.0}), since a derivative that is exactly zero
 * (a product with a negative factor, a negated zero) should not read as a negative number.
 */
final class ArrayPrinter {
    static final int THRESHOLD = 1000;
    static final int EDGE = 3;
    static final int LINE_WIDTH = 75;
    static final int PRECISION = 8;

    private ArrayPrinter() {}

    static String print(NDArray a) {
        double[] d = a.unsafeData();
        int[] dims = a.shape();
        if (dims.length == 0) return scalar(d[0]);
        if (d.length == 0) return "[]";
        boolean summarise = d.length > THRESHOLD;
        int[] strides = a.dims().strides();
        // like NumPy, choose the format from the numbers that will be shown; only those are formatted, so a
        // huge array (say in a debugger's variable view) costs no more than a small one
        java.util.List<Integer> flat = new java.util.ArrayList<>();
        markShown(flat, dims, strides, 0, 0, summarise);
        int[] shown = flat.stream().mapToInt(Integer::intValue).toArray(); // ascending: visited in row-major order
        String[] text = format(d, shown);
        return recurse(shown, text, dims, strides, 0, 0, " ", LINE_WIDTH, summarise).toString();
    }

    // ------------------------------------------------------------------ one number

    /** A 0-d array prints like NumPy's float64 scalar (Python's repr of a float). */
    private static String scalar(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return "0.0";
        BigDecimal s = shortest(v);
        double av = Math.abs(v);
        if (av >= 1e-4 && av < 1e16) {
            String p = s.toPlainString();
            return p.contains(".") ? p : p + ".0";
        }
        String[] m = scientific(s);
        String mant = m[1].isEmpty() ? m[0] : m[0] + "." + m[1];
        return mant + "e" + exponent(Integer.parseInt(m[2]), 2);
    }

    /** The fewest significant digits that read back as exactly {@code v} (v finite, non-zero). */
    private static BigDecimal shortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; p < 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == v) return r.stripTrailingZeros();
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** Positional digits: shortest, but rounded to at most {@link #PRECISION} after the point; "1." style. */
    private static String positional(double v) {
        if (v == 0) return 1 / v < 0 ? "-0." : "0.";
        BigDecimal s = shortest(v);
        if (s.scale() > PRECISION) s = new BigDecimal(v).setScale(PRECISION, RoundingMode.HALF_EVEN);
        String p = s.signum() == 0 ? (v < 0 ? "-0" : "0") : s.stripTrailingZeros().toPlainString();
        return p.contains(".") ? p : p + ".";
    }

    /** Scientific parts {sign and first digit, the other digits, exponent} of a non-zero decimal. */
    private static String[] scientific(BigDecimal s) {
        BigDecimal r = s.stripTrailingZeros();
        String digits = r.unscaledValue().abs().toString();
        int exp = r.precision() - r.scale() - 1;
        String sign = r.signum() < 0 ? "-" : "";
        return new String[] {sign + digits.charAt(0), digits.substring(1), Integer.toString(exp)};
    }

    /** Scientific parts of {@code v}: shortest digits, at most 1 + {@link #PRECISION} of them. */
    private static String[] scientific(double v) {
        if (v == 0) return new String[] {1 / v < 0 ? "-0" : "0", "", "0"};
        BigDecimal s = shortest(v);
        // more than 1 + PRECISION significant digits: round the exact value, as NumPy's Dragon4 does
        if (s.precision() > PRECISION + 1) s = new BigDecimal(v).round(new MathContext(PRECISION + 1, RoundingMode.HALF_EVEN));
        return scientific(s);
    }

    private static String exponent(int e, int digits) {
        String a = Integer.toString(Math.abs(e));
        return (e < 0 ? "-" : "+") + "0".repeat(Math.max(0, digits - a.length())) + a;
    }

    // ------------------------------------------------------------------ one format for the array

    /**
     * The elements at the flat positions {@code shown}, formatted and padded to one common width (NumPy's
     * FloatingFormat); entry j is for position {@code shown[j]}.
     */
    private static String[] format(double[] all, int[] shown) {
        double[] d = new double[shown.length];
        for (int j = 0; j < shown.length; j++) d[j] = all[shown[j]] + 0.0; // −0.0 + 0.0 is +0.0: no "-0."
        double maxAbs = 0;
        double minAbs = Double.POSITIVE_INFINITY;
        boolean anyFinite = false;
        boolean anyNonFinite = false;
        boolean negInf = false;
        for (int i = 0; i < d.length; i++) {
            double v = d[i];
            if (!Double.isFinite(v)) {
                anyNonFinite = true;
                negInf |= v == Double.NEGATIVE_INFINITY;
                continue;
            }
            anyFinite = true;
            double av = Math.abs(v);
            if (av != 0) {
                maxAbs = Math.max(maxAbs, av);
                minAbs = Math.min(minAbs, av);
            }
        }
        boolean exp = maxAbs != 0 && (maxAbs >= 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1000);

        String[][] parts = new String[d.length][];
        int padLeft = 0;
        int padRight = 0;
        int expSize = 0;
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) continue;
            if (exp) {
                String[] p = scientific(d[i]);
                parts[i] = p;
                padLeft = Math.max(padLeft, p[0].length());
                padRight = Math.max(padRight, p[1].length());
                expSize = Math.max(expSize, Math.max(2, Integer.toString(Math.abs(Integer.parseInt(p[2]))).length()));
            } else {
                String s = positional(d[i]);
                int dot = s.indexOf('.');
                parts[i] = new String[] {s.substring(0, dot), s.substring(dot + 1)};
                padLeft = Math.max(padLeft, dot);
                padRight = Math.max(padRight, s.length() - dot - 1);
            }
        }
        // the width of the numbers after the integer part: ".ddd" plus "e+XX" in scientific notation
        int tail = exp ? padRight + 1 + 2 + expSize : padRight + 1;
        if (!anyFinite) {
            padLeft = 0;
            padRight = 0;
            tail = 1;
        }
        if (anyNonFinite) {
            int offset = exp && anyFinite ? tail : padRight + 1;
            padLeft = Math.max(padLeft, Math.max(3 - offset, 3 + (negInf ? 1 : 0) - offset));
        }
        int width = padLeft + (exp && anyFinite ? tail : padRight + 1);
        String[] text = new String[d.length];
        for (int i = 0; i < d.length; i++) {
            double v = d[i];
            if (!Double.isFinite(v)) {
                String t = Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
                text[i] = " ".repeat(Math.max(0, width - t.length())) + t;
            } else if (exp) {
                String[] p = parts[i];
                text[i] = " ".repeat(padLeft - p[0].length()) + p[0] + "." + p[1] + "0".repeat(padRight - p[1].length())
                        + "e" + exponent(Integer.parseInt(p[2]), expSize);
            } else {
                String[] p = parts[i];
                text[i] = " ".repeat(padLeft - p[0].length()) + p[0] + "." + p[1] + " ".repeat(padRight - p[1].length());
            }
        }
        return text;
    }

    // ------------------------------------------------------------------ layout (NumPy's _formatArray)

    private static void markShown(java.util.List<Integer> shown, int[] dims, int[] strides, int axis, int offset,
                                  boolean summarise) {
        if (axis == dims.length) {
            shown.add(offset);
            return;
        }
        int n = dims[axis];
        boolean cut = summarise && n > 2 * EDGE;
        for (int i = 0; i < n; i++) {
            if (cut && i == EDGE) i = n - EDGE;
            markShown(shown, dims, strides, axis + 1, offset + i * strides[axis], summarise);
        }
    }

    private static CharSequence recurse(int[] shown, String[] text, int[] dims, int[] strides, int axis, int offset,
                                        String hanging, int width, boolean summarise) {
        if (axis == dims.length) return text[java.util.Arrays.binarySearch(shown, offset)];
        String nextHanging = hanging + " ";
        int nextWidth = width - 1; // room for the closing ']'
        int n = dims[axis];
        boolean cut = summarise && n > 2 * EDGE;
        int[] order = cut ? edges(n) : all(n);
        StringBuilder s = new StringBuilder();
        if (axis == dims.length - 1) {
            int elemWidth = width - 1;
            StringBuilder line = new StringBuilder(hanging);
            for (int k = 0; k < order.length; k++) {
                if (cut && k == EDGE) {
                    extend(s, line, "...", elemWidth, hanging);
                    line.append(' ');
                }
                extend(s, line, recurse(shown, text, dims, strides, axis + 1, offset + order[k] * strides[axis],
                        nextHanging, nextWidth, summarise).toString(), elemWidth, hanging);
                if (k < order.length - 1) line.append(' ');
            }
            s.append(line);
        } else {
            String lineSep = "\n".repeat(dims.length - axis - 1);
            for (int k = 0; k < order.length; k++) {
                if (cut && k == EDGE) s.append(hanging).append("...").append(lineSep);
                s.append(hanging).append(recurse(shown, text, dims, strides, axis + 1, offset + order[k] * strides[axis],
                        nextHanging, nextWidth, summarise));
                if (k < order.length - 1) s.append(lineSep);
            }
        }
        return "[" + s.substring(hanging.length()) + "]";
    }

    /** Appends {@code word} to {@code line}, first moving the line to {@code s} when it would grow past the width. */
    private static void extend(StringBuilder s, StringBuilder line, String word, int width, String hanging) {
        boolean wrap = line.length() + word.length() > width && line.length() > hanging.length();
        if (wrap) {
            int end = line.length();
            while (end > 0 && line.charAt(end - 1) == ' ') end--;
            s.append(line, 0, end).append('\n');
            line.setLength(0);
            line.append(hanging);
        }
        line.append(word);
    }

    private static int[] edges(int n) {
        int[] o = new int[2 * EDGE];
        for (int i = 0; i < EDGE; i++) {
            o[i] = i;
            o[EDGE + i] = n - EDGE + i;
        }
        return o;
    }

    private static int[] all(int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) o[i] = i;
        return o;
    }
}
