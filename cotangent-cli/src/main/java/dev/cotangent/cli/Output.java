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

    /**
     * Stops with a message, before any work, when {@code file} cannot be written: its folder is missing or is not a
     * folder, or the file is a folder.
     */
    static void requireWritableFile(java.nio.file.Path file, String option) {
        java.nio.file.Path dir = file.toAbsolutePath().getParent();
        if (java.nio.file.Files.isDirectory(file)) {
            throw new CliException(option + " " + file + ": that is a folder; give a file name");
        }
        if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
            throw new CliException(option + " " + file + ": cannot write there, " + (java.nio.file.Files.exists(dir)
                    ? dir + " is a file, not a folder" : "the folder " + dir + " does not exist"));
        }
        if (dir != null && !java.nio.file.Files.isWritable(dir)) {
            throw new CliException(option + " " + file + ": cannot write there, the folder " + dir + " is not writable");
        }
    }

    /**
     * Creates {@code dir} if needed and proves it writable by writing and deleting a file in it; stops with a
     * message, before any work, when that fails (a path through a file, a read-only disk, no permission).
     */
    static void requireWritableDirectory(java.nio.file.Path dir, String option) {
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Path probe = java.nio.file.Files.createTempFile(dir, ".cotangent-", ".probe");
            java.nio.file.Files.delete(probe);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new CliException(option + " " + dir + ": cannot write plots there, " + e.getFile()
                    + " is a file, not a folder");
        } catch (java.io.IOException | SecurityException e) {
            String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            throw new CliException(option + " " + dir + ": cannot write plots there (" + why + ")");
        }
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
