package dev.cotangent.nn;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves and loads a parameter tree as plain text, one tensor per line: {@code name [d1,d2] v1 v2 ...}, the
 * values row-major in Java's shortest round-trip form, so a loaded tree equals the saved one bit for bit.
 * A header line {@code # cotangent-nn parameters 1} starts the file; other {@code #} lines are comments.
 */
public final class ParamsFile {
    static final String HEADER = "# cotangent-nn parameters 1";

    private ParamsFile() {}

    /** Writes {@code params} to {@code file}, replacing it. */
    public static void save(Map<String, Tensor> params, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (Map.Entry<String, Tensor> e : params.entrySet()) {
                StringBuilder sb = new StringBuilder(e.getKey()).append(' ').append(dims(e.getValue().dims()));
                for (double v : e.getValue().value().unsafeData()) sb.append(' ').append(v);
                w.write(sb.append('\n').toString());
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write parameters to " + file, ex);
        }
    }

    /** Reads a tree written by {@link #save}; a malformed line gives an error naming the file and line. */
    public static Map<String, Tensor> load(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Tensor> m = new LinkedHashMap<>();
            String line = r.readLine();
            if (line == null || !line.equals(HEADER)) {
                throw new IllegalArgumentException(file + " line 1: expected the header '" + HEADER + "'");
            }
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                parseLine(m, line.trim().split("\\s+"), file + " line " + n);
            }
            return m;
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read parameters from " + file, ex);
        }
    }

    private static void parseLine(Map<String, Tensor> m, String[] tok, String where) {
        if (tok.length < 2 || !tok[1].startsWith("[") || !tok[1].endsWith("]")) {
            throw new IllegalArgumentException(where + ": expected 'name [dims] values...'");
        }
        String inner = tok[1].substring(1, tok[1].length() - 1);
        int[] d;
        try {
            String[] parts = inner.isEmpty() ? new String[0] : inner.split(",");
            d = new int[parts.length];
            for (int i = 0; i < d.length; i++) d[i] = Integer.parseInt(parts[i].trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(where + ": bad shape " + tok[1]);
        }
        Shape s = Shape.of(d);
        if (tok.length - 2 != s.size()) {
            throw new IllegalArgumentException(where + ": '" + tok[0] + "' of shape " + tok[1] + " needs " + s.size()
                    + " values, found " + (tok.length - 2));
        }
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) {
            try {
                v[i] = Double.parseDouble(tok[i + 2]);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(where + ": value " + (i + 1) + " of '" + tok[0] + "' is '"
                        + tok[i + 2] + "', not a number");
            }
        }
        if (m.put(tok[0], Tensor.from(NDArray.wrap(s, v))) != null) {
            throw new IllegalArgumentException(where + ": parameter '" + tok[0] + "' appears twice");
        }
    }

    private static String dims(Shape s) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < s.rank(); i++) sb.append(i > 0 ? "," : "").append(s.dim(i));
        return sb.append(']').toString();
    }
}
