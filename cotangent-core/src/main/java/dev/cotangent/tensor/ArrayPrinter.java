package dev.cotangent.tensor;

import java.util.Locale;

/**
 * Formats an {@link NDArray} the way NumPy's {@code str} does: nested brackets, one column width for all
 * numbers, up to 8 significant digits, and arrays of more than 1000 elements summarised with "..." after
 * 3 items at each edge of each axis.
 */
final class ArrayPrinter {
    static final int THRESHOLD = 1000;
    static final int EDGE = 3;

    private ArrayPrinter() {}

    static String print(NDArray a) {
        double[] d = a.unsafeData();
        int[] dims = a.shape().dims();
        boolean summarise = d.length > THRESHOLD;
        boolean integral = true;
        for (double v : d) {
            if (Double.isFinite(v) && (v != Math.rint(v) || Math.abs(v) >= 1e16)) {
                integral = false;
                break;
            }
        }
        String[] text = new String[d.length];
        int width = 0;
        for (int i = 0; i < d.length; i++) {
            text[i] = format(d[i], integral);
            width = Math.max(width, text[i].length());
        }
        if (dims.length == 0) return text[0];
        StringBuilder sb = new StringBuilder();
        append(sb, text, width, dims, 0, 0, a.shape().strides(), summarise);
        return sb.toString();
    }

    private static String format(double v, boolean integral) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (integral) return (long) v + ".";
        double av = Math.abs(v);
        if (av != 0 && (av < 1e-4 || av >= 1e16)) {
            String s = String.format(Locale.ROOT, "%.8e", v);
            int e = s.indexOf('e');
            String mant = s.substring(0, e).replaceAll("0+$", "");
            if (mant.endsWith(".")) mant = mant.substring(0, mant.length() - 1);
            return mant + "e" + s.substring(e + 1);
        }
        String s = new java.math.BigDecimal(v).round(new java.math.MathContext(8)).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".";
    }

    private static void append(StringBuilder sb, String[] text, int width, int[] dims, int axis, int offset,
                               int[] strides, boolean summarise) {
        sb.append('[');
        int n = dims[axis];
        boolean cut = summarise && n > 2 * EDGE;
        String indent = " ".repeat(axis + 1);
        for (int i = 0; i < n; i++) {
            if (cut && i == EDGE) {
                sb.append(axis == dims.length - 1 ? "..." : "...");
                i = n - EDGE - 1;
                sb.append(axis == dims.length - 1 ? " " : "\n" + "\n".repeat(Math.max(0, dims.length - axis - 2)) + indent);
                continue;
            }
            if (axis == dims.length - 1) {
                String t = text[offset + i * strides[axis]];
                sb.append(" ".repeat(width - t.length())).append(t);
                if (i < n - 1) sb.append(' ');
            } else {
                append(sb, text, width, dims, axis + 1, offset + i * strides[axis], strides, summarise);
                if (i < n - 1) sb.append("\n".repeat(dims.length - axis - 1)).append(indent);
            }
        }
        sb.append(']');
    }
}
