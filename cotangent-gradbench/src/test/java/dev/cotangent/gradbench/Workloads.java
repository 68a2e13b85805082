package dev.cotangent.gradbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public GradBench workloads: {@code ../shared/data/gradbench/<eval>.json} beside the repository (as in CI's
 * fresh clone), or the folder given by the system property {@code gradbench.data}.
 */
final class Workloads {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Workloads() {}

    static Path folder() {
        String prop = System.getProperty("gradbench.data");
        if (prop != null) return Path.of(prop);
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("cotangent-core"))) {
                return p.toAbsolutePath().getParent().resolve("shared/data/gradbench");
            }
        }
        throw new IllegalStateException("no ancestor of " + Path.of("").toAbsolutePath() + " holds cotangent-core");
    }

    /** The data file of {@code eval}; a missing file fails the calling test. */
    static JsonNode of(String eval) {
        Path f = folder().resolve(eval + ".json");
        if (!Files.isRegularFile(f)) {
            throw new AssertionError("no workloads for " + eval + " at " + f + " (set -Dgradbench.data=DIR)");
        }
        try {
            return MAPPER.readTree(f.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
