package dev.cotangent.graph;

import java.util.List;

/** Line breaking for the tables: a sum of terms continued on indented lines so rows fit a terminal. */
final class Wrap {
    /** The width the tables aim for (they fit 80–100 column terminals when each term is short). */
    static final int WIDTH = 96;

    private Wrap() {}

    /**
     * Appends {@code first} then the terms joined by " + ", breaking before a "+" when a line would pass
     * {@link #WIDTH}; continuation lines start at column {@code indent}. Then appends {@code last} (unbroken).
     */
    static void sum(StringBuilder sb, String first, List<String> terms, int indent, String last) {
        int lineStart = sb.lastIndexOf("\n") + 1;
        sb.append(first);
        for (int i = 0; i < terms.size(); i++) {
            String t = terms.get(i);
            String sep = i == 0 ? "" : " + ";
            if (i > 0 && sb.length() - lineStart + sep.length() + t.length() > WIDTH) {
                sb.append('\n');
                lineStart = sb.length();
                sb.append(" ".repeat(indent)).append("+ ").append(t);
            } else {
                sb.append(sep).append(t);
            }
        }
        sb.append(last);
    }

    /** A number for a product: negatives in parentheses, as in {@code 3 × (-0.5)}. */
    static String factor(double v) {
        String s = Numbers.brief(v);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }
}
