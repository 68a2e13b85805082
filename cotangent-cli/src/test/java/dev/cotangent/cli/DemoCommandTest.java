package dev.cotangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cotangent demo}: runs a demo of cotangent-examples through the command line and writes its plots. */
class DemoCommandTest {

    @Test
    void anUnknownDemoIsAUsageErrorThatListsTheDemos(@TempDir Path dir) {
        Cli r = Cli.run("demo", "mpl", "--out", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("unknown demo 'mpl'") && r.err().contains("mlp, resnet, rnn"), r.err());
    }

    @Test
    void aQuickDemoPrintsItsSummaryAndWritesAPlot(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("demo", "mds", "--quick", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("stress"), r.out());
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".png")), "no PNG written to " + dir);
        }
    }

    @Test
    void theSparkDemoPrintsAccuracyAndTheDifferenceFromOneJvm(@TempDir Path dir) {
        Cli r = Cli.run("demo", "spark", "--quick", "--master", "local[2]", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        Matcher acc = Pattern.compile("(?m)^accuracy: (\\S+)$").matcher(r.out());
        Matcher diff = Pattern.compile("(?m)^max parameter difference vs single JVM: (\\S+)$").matcher(r.out());
        assertTrue(acc.find() && diff.find(), r.out());
        double a = Double.parseDouble(acc.group(1));
        double d = Double.parseDouble(diff.group(1));
        assertTrue(a > 0.5 && a <= 1, "held-out accuracy after the quick run (chance is 0.1): " + a);
        assertTrue(d < 1e-12, "Spark vs single-JVM parameters: " + d);
        assertTrue(Files.exists(dir.resolve("spark-loss.png")), "no spark-loss.png in " + dir);
    }
}
