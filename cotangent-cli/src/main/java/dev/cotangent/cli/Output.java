package dev.cotangent.cli;

import dev.cotangent.graph.Numbers;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Shared pieces of the readable output. */
final class Output {
    private static final int ECHO_LIMIT = 160;

    private Output() {}

    /** The expression, shortened if very long. */
    static String echo(String text) {
        return text.length() <= ECHO_LIMIT ? text
                : text.substring(0, ECHO_LIMIT) + " … (" + text.length() + " characters)";
    }

    /** Rows of "label = value" with the equals signs aligned. */
    static String aligned(List<String> labels, List<String> values, String indent) {
        int w = 0;
        for (String l : labels) w = Math.max(w, l.length());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            sb.append(indent).append(labels.get(i)).append(" ".repeat(w - labels.get(i).length())).append(" = ")
                    .append(values.get(i)).append('\n');
        }
        return sb.toString();
    }

    /** A matrix with row and column labels, numbers in full precision, columns aligned. */
    static String matrix(List<String> rowLabels, List<String> colLabels, double[][] m, String indent) {
        int rw = 0;
        for (String r : rowLabels) rw = Math.max(rw, r.length());
        int cw = 0;
        for (String c : colLabels) cw = Math.max(cw, c.length());
        for (double[] row : m) for (double v : row) cw = Math.max(cw, Numbers.full(v).length());
        StringBuilder sb = new StringBuilder(indent).append(" ".repeat(rw));
        for (String c : colLabels) sb.append("  ").append(pad(c, cw));
        sb.append('\n');
        for (int i = 0; i < m.length; i++) {
            sb.append(indent).append(pad(rowLabels.get(i), rw));
            for (double v : m[i]) sb.append("  ").append(pad(Numbers.full(v), cw));
            sb.append('\n');
        }
        return sb.toString().replaceAll(" +\n", "\n");
    }

    static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    /** A note on stderr for derivatives that are not finite (e.g. sqrt at 0), which JSON shows as null. */
    static void warnNonFinite(CommandSpec spec, double[] values, List<String> names, boolean json) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                String v = Double.isNaN(values[i]) ? "NaN" : values[i] > 0 ? "+inf" : "-inf";
                String why = Double.isNaN(values[i])
                        ? " (the chain rule met an undefined product here, such as ∞·0 from sqrt at 0 times a zero "
                                + "factor; run `explain` to see which step)"
                        : " (the derivative is infinite at this point, e.g. sqrt at 0)";
                spec.commandLine().getErr().println("cotangent: note: ∂f/∂" + names.get(i) + " is " + v + why
                        + (json ? "; JSON shows it as null" : ""));
            }
        }
    }
}
