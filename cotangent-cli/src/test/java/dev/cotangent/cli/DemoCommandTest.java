package dev.cotangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
