package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the tour and checks that each {@code System.out.println(...)} of its source prints what the comment at the
 * end of that statement says (the text up to two spaces; whitespace and the space after a bracket do not count, so
 * a matrix's rows may stand on one line). A comment in parentheses describes instead of quoting, and is not checked.
 */
class TourTest {
    @Test
    void everyPrintedResultIsWhatItsCommentSays() throws IOException {
        List<String> expected = expectedOutputs(Files.readAllLines(Path.of("src/main/java/com/example/Tour.java")));
        List<String> printed = new ArrayList<>();
        PrintStream old = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream()) {
            @Override
            public void println(Object x) {
                printed.add(String.valueOf(x));
            }

            @Override
            public void println(String x) {
                printed.add(x);
            }
        });
        try {
            Tour.main(new String[0]);
        } finally {
            System.setOut(old);
        }
        assertEquals(expected.size(), printed.size(), "one comment per println: " + expected);
        assertTrue(expected.size() >= 15, "the tour's prints were not found: " + expected);
        int checked = 0;
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i).startsWith("(")) continue;
            assertEquals(normal(expected.get(i)), normal(printed.get(i)), "println number " + (i + 1));
            checked++;
        }
        assertTrue(checked >= 15, checked + " results checked");
    }

    /** The comment at the end of each println statement of the tour's body, in order. */
    static List<String> expectedOutputs(List<String> source) {
        List<String> out = new ArrayList<>();
        boolean inPrint = false;
        int depth = 0;
        for (String line : source) {
            int c = line.indexOf("//");
            String code = c < 0 ? line : line.substring(0, c);
            if (!inPrint && code.trim().startsWith("System.out.println(")) {
                inPrint = true;
                depth = 0;
            }
            if (!inPrint) continue;
            for (char ch : code.toCharArray()) depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if (depth == 0 && code.trim().endsWith(";")) {
                inPrint = false;
                String comment = c < 0 ? "" : line.substring(c + 2).trim();
                int gap = comment.indexOf("  ");
                out.add(gap < 0 ? comment : comment.substring(0, gap));
            }
        }
        return out;
    }

    /** Whitespace runs as one space, none after an opening bracket. */
    static String normal(String s) {
        return s.trim().replaceAll("\\s+", " ").replace("[ ", "[");
    }
}
