package dev.cotangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code cotangent gradbench} speaks the protocol on stdin/stdout: one JSON line per message with its id and nothing
 * else on stdout, the log on stderr, exit code 0 at the end of input.
 */
class GradbenchCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static Cli serve(String input, String... options) {
        InputStream stdin = System.in;
        PrintStream stdout = System.out;
        int threads = dev.cotangent.Config.blasThreads();
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            String[] args = new String[options.length + 1];
            args[0] = "gradbench";
            System.arraycopy(options, 0, args, 1, options.length);
            return Cli.run(args);
        } finally {
            System.setIn(stdin);
            assertSame(stdout, System.out, "System.out is restored after serving");
            assertEquals(threads, dev.cotangent.Config.blasThreads(), "the BLAS thread count is restored");
        }
    }

    @Test
    void aSessionOfHelloGetsOneLinePerMessage() throws Exception {
        Cli r = serve(String.join("\n",
                "{\"id\":0,\"kind\":\"start\",\"eval\":\"hello\"}",
                "{\"id\":1,\"kind\":\"define\",\"module\":\"hello\"}",
                "{\"id\":2,\"kind\":\"evaluate\",\"module\":\"hello\",\"function\":\"square\",\"input\":1.0}",
                "{\"id\":3,\"kind\":\"analysis\",\"of\":2,\"valid\":true}",
                "{\"id\":4,\"kind\":\"evaluate\",\"module\":\"hello\",\"function\":\"double\",\"input\":1.0}",
                "{\"id\":5,\"kind\":\"define\",\"module\":\"nope\"}",
                "{\"id\":6,\"kind\":\"evaluate\",\"module\":\"lse\",\"function\":\"gradient\",\"input\":{\"x\":[0,0],"
                        + "\"min_runs\":2,\"min_seconds\":0}}") + "\n");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(7, lines.length, r.out());
        for (int i = 0; i < lines.length; i++) assertEquals(i, JSON.readTree(lines[i]).get("id").asInt(), lines[i]);
        assertEquals("cotangent", JSON.readTree(lines[0]).get("tool").asText());
        assertTrue(JSON.readTree(lines[1]).get("success").asBoolean());
        JsonNode square = JSON.readTree(lines[2]);
        assertEquals(1.0, square.get("output").asDouble());
        assertTrue(square.get("timings").get(1).get("nanoseconds").isIntegralNumber());
        assertEquals("{\"id\":3}", lines[3]);
        assertEquals(2.0, JSON.readTree(lines[4]).get("output").asDouble());
        assertFalse(JSON.readTree(lines[5]).get("success").asBoolean());
        assertEquals("[0.5,0.5]", JSON.readTree(lines[6]).get("output").toString());
        assertTrue(r.err().contains("gradbench: start hello"), r.err());
    }

    @Test
    void gradBenchsMultithreadedOptionIsAccepted() throws Exception {
        Cli r = serve("{\"id\":0,\"kind\":\"start\",\"eval\":\"gmm\"}\n", "--multithreaded");
        assertEquals(0, r.code(), r.err());
        assertEquals("cotangent", JSON.readTree(r.out()).get("tool").asText());
        assertEquals(2, serve("", "--threads=3").code(), "an unknown option is a usage error");
    }

    @Test
    void emptyInputEndsTheSessionCleanly() {
        Cli r = serve("");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
    }
}
