package dev.cotangent.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.examples.data.CsvFormatException;
import dev.cotangent.examples.data.Digits;
import dev.cotangent.nn.data.Dataset;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The shipped digits load; a bad row is reported with its number and what is wrong. */
class DigitsTest {
    static String row(String pixel, String label) {
        String[] p = new String[64];
        Arrays.fill(p, "3");
        p[10] = pixel;
        return String.join(",", p) + "," + label;
    }

    static CsvFormatException bad(String text) {
        return assertThrows(CsvFormatException.class, () -> Digits.parse(new StringReader(text), "test.csv"));
    }

    @Test
    void theShippedFileLoads() {
        Dataset d = Digits.load();
        assertEquals(1797, d.size());
        assertEquals(64, d.x().dims().dim(1));
        int[] counts = new int[10];
        for (int y : d.labels()) counts[y]++;
        for (int c : counts) assertTrue(c > 150 && c < 200, Arrays.toString(counts));
        double max = 0;
        for (double v : d.x().unsafeData()) max = Math.max(max, v);
        assertEquals(16, max, 0);
    }

    @Test
    void goodRowsParse() throws Exception {
        Dataset d = Digits.parse(new StringReader(row("16", "7") + "\n\n" + row("0", "0") + "\n"), "ok.csv");
        assertEquals(2, d.size());
        assertEquals(7, d.labels()[0]);
        assertEquals(16, d.x().get(0, 10), 0);
    }

    @Test
    void wrongColumnCountNamesTheRow() {
        String shortRow = String.join(",", Collections.nCopies(64, "1"));
        CsvFormatException e = bad(row("1", "2") + "\n" + shortRow + "\n");
        assertEquals(2, e.row());
        assertTrue(e.getMessage().startsWith("test.csv row 2: expected 65 comma-separated values"), e.getMessage());
        assertTrue(e.getMessage().contains("found 64"), e.getMessage());
    }

    @Test
    void nonNumbersAndRangesAreReported() {
        assertTrue(bad(row("abc", "1")).getMessage().contains("row 1: pixel 11 is 'abc', not an integer"));
        assertTrue(bad(row("17", "1")).getMessage().contains("pixel 11 is 17, outside 0..16"));
        assertTrue(bad(row("", "1")).getMessage().contains("pixel 11 is empty"));
        assertTrue(bad(row("1", "10")).getMessage().contains("the label is 10, not a digit 0..9"));
        assertTrue(bad(row("1", "x")).getMessage().contains("the label (column 65) is 'x'"));
        assertTrue(bad("\n").getMessage().contains("no data rows"));
    }

    @Test
    void splitIsSeededAndDisjoint() {
        Dataset d = Digits.load();
        Dataset.Split a = d.split(0.2, 1);
        Dataset.Split b = d.split(0.2, 1);
        assertEquals(359, a.test().size());
        assertEquals(1438, a.train().size());
        assertTrue(Arrays.equals(a.test().labels(), b.test().labels()));
        assertTrue(Arrays.equals(a.test().x().unsafeData(), b.test().x().unsafeData()));
        assertTrue(!Arrays.equals(a.test().labels(), d.split(0.2, 2).test().labels()));
    }
}
