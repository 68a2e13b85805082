package dev.cotangent.examples.data;

import dev.cotangent.nn.data.Dataset;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The handwritten digits: 8×8 images as rows of 64 pixel counts (integers 0–16, row-major) followed by the
 * label 0–9, comma-separated, no header. The examples module ships 1,797 such rows, the test set of the UCI
 * Machine Learning Repository's "Optical Recognition of Handwritten Digits" (E. Alpaydin, C. Kaynak, 1998),
 * licensed CC BY 4.0.
 */
public final class Digits {
    public static final int PIXELS = 64;
    public static final int CLASSES = 10;
    static final String RESOURCE = "/dev/cotangent/examples/data/digits.csv";

    private Digits() {}

    /** The shipped data set (1,797 examples, pixel counts 0–16 unscaled). */
    public static Dataset load() {
        InputStream in = Digits.class.getResourceAsStream(RESOURCE);
        if (in == null) throw new IllegalStateException("the resource " + RESOURCE + " is missing from the classpath");
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(r, "digits.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file in the same format. */
    public static Dataset load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Parses rows of 64 pixel values then the label. Blank lines are skipped; any other bad row throws a
     * {@link CsvFormatException} naming {@code source}, the row number and the problem.
     */
    public static Dataset parse(Reader reader, String source) throws IOException {
        BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank()) continue;
            String[] f = line.split(",", -1);
            if (f.length != PIXELS + 1) {
                throw new CsvFormatException(source, n, "expected " + (PIXELS + 1) + " comma-separated values ("
                        + PIXELS + " pixels then the label), found " + f.length);
            }
            double[] px = new double[PIXELS];
            for (int j = 0; j < PIXELS; j++) {
                int v = integer(f[j], source, n, "pixel " + (j + 1));
                if (v < 0 || v > 16) {
                    throw new CsvFormatException(source, n, "pixel " + (j + 1) + " is " + v + ", outside 0..16");
                }
                px[j] = v;
            }
            int label = integer(f[PIXELS], source, n, "the label (column " + (PIXELS + 1) + ")");
            if (label < 0 || label >= CLASSES) {
                throw new CsvFormatException(source, n, "the label is " + label + ", not a digit 0..9");
            }
            rows.add(px);
            labels.add(label);
        }
        if (rows.isEmpty()) throw new CsvFormatException(source, n, "no data rows");
        double[] x = new double[rows.size() * PIXELS];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, x, i * PIXELS, PIXELS);
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        return new Dataset(NDArray.wrap(Shape.of(rows.size(), PIXELS), x), y, CLASSES);
    }

    private static int integer(String s, String source, int row, String what) {
        String t = s.trim();
        if (t.isEmpty()) throw new CsvFormatException(source, row, what + " is empty");
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(t);
                if (d == Math.rint(d) && Math.abs(d) < 1e9) return (int) d;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new CsvFormatException(source, row, what + " is '" + t + "', not an integer");
        }
    }
}
