package dev.cotangent.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Messages the tool cannot act on get {@code success: false} with an error naming the field, and the server keeps
 * serving; outputs that are not JSON numbers are refused; the loop answers every line, flushes each, and stops at
 * the end of input.
 */
class BadMessagesTest {
    private final Server server = Server.standard(null);

    private JsonNode send(String line) throws IOException {
        String r = server.handle(line);
        assertFalse(r.contains("\n"), "one line: " + r);
        return Workloads.MAPPER.readTree(r);
    }

    /** Asserts a failure whose error starts with {@code field} (the path of the field) and mentions {@code why}. */
    private void assertFails(String line, Object id, String field, String why) throws IOException {
        JsonNode r = send(line);
        assertEquals(String.valueOf(id), r.get("id").toString(), r.toString());
        assertFalse(r.get("success").asBoolean(true), r.toString());
        String error = r.get("error").asText();
        assertTrue(error.startsWith(field), "error should name " + field + ": " + error);
        assertTrue(error.contains(why), "error should say " + why + ": " + error);
        assertStillServes();
    }

    private void assertStillServes() throws IOException {
        JsonNode ok = send("{\"id\":99,\"kind\":\"evaluate\",\"module\":\"hello\",\"function\":\"double\",\"input\":2.5}");
        assertTrue(ok.get("success").asBoolean(), ok.toString());
        assertEquals(5.0, ok.get("output").asDouble());
    }

    @Test
    void anUnknownModuleIsNotDefinedAndNamed() throws IOException {
        assertFails("{\"id\":1,\"kind\":\"define\",\"module\":\"nope\"}", 1, "message.module", "'nope'");
        assertFails("{\"id\":2,\"kind\":\"evaluate\",\"module\":\"nope\",\"function\":\"f\",\"input\":{}}", 2,
                "message.module", "'nope'");
        JsonNode defined = send("{\"id\":3,\"kind\":\"define\",\"module\":\"gmm\"}");
        assertTrue(defined.get("success").asBoolean(), defined.toString());
        assertFalse(defined.has("error"));
    }

    @Test
    void anUnknownFunctionIsNamed() throws IOException {
        assertFails("{\"id\":4,\"kind\":\"evaluate\",\"module\":\"lse\",\"function\":\"hessian\",\"input\":{\"x\":[1]}}", 4,
                "message.function", "'hessian'");
    }

    @Test
    void malformedJsonIsAnsweredWithoutAnId() throws IOException {
        assertFails("{\"id\":5,\"kind\":", null, "message", "malformed JSON");
        assertFails("not json at all", null, "message", "malformed JSON");
        assertFails("{\"id\":6} trailing", null, "message", "malformed JSON");
        assertFails("[1, 2]", null, "message", "expected a JSON object");
    }

    @Test
    void missingFieldsAreNamed() throws IOException {
        assertFails("{\"kind\":\"define\",\"module\":\"lse\"}", null, "message.id", "missing");
        assertFails("{\"id\":7,\"module\":\"lse\"}", 7, "message.kind", "missing");
        assertFails("{\"id\":8,\"kind\":\"define\"}", 8, "message.module", "missing");
        assertFails("{\"id\":9,\"kind\":\"evaluate\",\"module\":\"lse\",\"input\":{\"x\":[1]}}", 9, "message.function",
                "missing");
        assertFails("{\"id\":10,\"kind\":\"evaluate\",\"module\":\"lse\",\"function\":\"primal\"}", 10, "message.input",
                "missing");
        assertFails("{\"id\":11,\"kind\":\"evaluate\",\"module\":\"lse\",\"function\":\"primal\",\"input\":{}}", 11,
                "message.input.x", "missing");
        assertFails(evaluate(12, "gmm", "objective", "{\"d\":2,\"k\":1,\"n\":1,\"x\":[[0,0]],\"m\":0,\"alpha\":[0],"
                + "\"mu\":[[0,0]],\"q\":[[0,0]],\"l\":[[0]]}"), 12, "message.input.gamma", "missing");
    }

    @Test
    void wrongTypesAndShapesAreNamed() throws IOException {
        assertFails(evaluate(13, "lse", "primal", "{\"x\":[1, 2, \"3\"]}"), 13, "message.input.x[2]", "a number");
        assertFails(evaluate(14, "det", "primal", "{\"A\":[1, 2, 3], \"ell\":2}"), 14, "message.input.A",
                "expected 4 elements");
        assertFails(evaluate(15, "det", "primal", "{\"A\":[1], \"ell\":1.5}"), 15, "message.input.ell", "an integer");
        assertFails(evaluate(16, "gmm", "jacobian", "{\"d\":2,\"k\":2,\"n\":1,\"x\":[[0,0]],\"m\":0,\"gamma\":1,"
                + "\"alpha\":[0,0],\"mu\":[[0,0],[0]],\"q\":[[0,0],[0,0]],\"l\":[[0],[0]]}"), 16, "message.input.mu[1]",
                "expected 2 elements");
        assertFails(evaluate(17, "kmeans", "cost", "{\"points\":[[1,2],[3,4]],\"centroids\":[[1,2,3]]}"), 17,
                "message.input.centroids[0]", "expected 2 elements");
        assertFails(evaluate(18, "ba", "objective", "{\"n\":1,\"m\":1,\"p\":1,\"cam\":[1,2,3],\"x\":[0,0,1],\"w\":1,"
                + "\"feat\":[0,0]}"), 18, "message.input.cam", "expected 11 elements");
        assertFails(evaluate(19, "lstm", "objective", "{\"main_params\":[[1,2,3,4]],\"extra_params\":[[1],[1],[1]],"
                + "\"state\":[[0],[0]],\"sequence\":[[1],[0]]}"), 19, "message.input.main_params", "2l rows");
        assertFails(evaluate(20, "saddle", "rr", "{\"start\":[1]}"), 20, "message.input.start", "expected 2 elements");
        assertFails(evaluate(21, "lse", "primal", "{\"x\":[1],\"min_runs\":\"many\"}"), 21, "message.input.min_runs",
                "an integer");
        assertFails(evaluate(22, "hello", "square", "\"two\""), 22, "message.input", "a number");
    }

    @Test
    void aResultThatIsNotAJsonNumberIsRefused() throws IOException {
        // ½ (sign(t) − 1e200 t⁰)² overflows to +Infinity
        String line = server.handle(evaluate(23, "llsq", "primal", "{\"x\":[1e200],\"n\":2}"));
        assertFalse(line.contains("Infinity") && line.contains("\"output\""), line);
        JsonNode r = Workloads.MAPPER.readTree(line);
        assertFalse(r.get("success").asBoolean(true), line);
        assertTrue(r.get("error").asText().contains("not a JSON number"), line);
        assertStillServes();
    }

    @Test
    void anInputTooBigToHoldIsRefusedAndTheToolKeepsServing() throws IOException {
        JsonNode r = send(evaluate(30, "ba", "objective", "{\"n\":1,\"m\":1,\"p\":2000000000,\"cam\":[0,0,0,0,0,"
                + "0,1,0,0,0,0],\"x\":[0,0,1],\"w\":1,\"feat\":[0,0]}"));
        assertFalse(r.get("success").asBoolean(true), r.toString());
        assertStillServes();
    }

    @Test
    void unknownKindsAndAnalysisGetTheirId() throws IOException {
        assertEquals("{\"id\":24}", server.handle("{\"id\":24,\"kind\":\"flush\"}"));
        assertEquals("{\"id\":25}", server.handle("{\"id\":25,\"kind\":\"analysis\",\"of\":3,\"valid\":false,"
                + "\"error\":\"wrong\"}"));
        JsonNode start = send("{\"id\":0,\"kind\":\"start\",\"eval\":\"gmm\",\"config\":{\"anything\":1}}");
        assertEquals("cotangent", start.get("tool").asText());
    }

    @Test
    void numbersAreReadLeniently() throws IOException {
        JsonNode r = send(evaluate(26, "particle", "rr", "{\"w\":0,\"min_runs\":1,\"min_seconds\":0}"));
        assertTrue(r.get("success").asBoolean(), r.toString());
        JsonNode d = send(evaluate(27, "det", "gradient", "{\"A\":[2, 1e-05, -0.0, 1.0],\"ell\":2.0}"));
        double[] cofactors = Workloads.MAPPER.convertValue(d.get("output"), double[].class);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 0, -1e-5, 2}, cofactors, 1e-15);
    }

    @Test
    void runsRepeatUntilMinRunsAndMinSeconds() throws IOException {
        JsonNode r = send(evaluate(28, "lse", "gradient", "{\"x\":[1,2,3],\"min_runs\":7,\"min_seconds\":0}"));
        assertEquals(7, count(r, "evaluate"));
        assertEquals(1, count(r, "prepare"));
        JsonNode s = send(evaluate(29, "lse", "gradient", "{\"x\":[1,2,3],\"min_runs\":1,\"min_seconds\":0.05}"));
        long total = 0;
        for (JsonNode t : s.get("timings")) if (t.get("name").asText().equals("evaluate")) total += t.get("nanoseconds").asLong();
        assertTrue(count(s, "evaluate") > 1 && total > 0, s.get("timings").toString());
    }

    @Test
    void theLoopAnswersEveryLineFlushesEachAndEndsAtEndOfInput() throws IOException {
        String in = "{\"id\":0,\"kind\":\"start\",\"eval\":\"hello\"}\n\n{\"id\":1,\"kind\":\"define\",\"module\":\"hello\"}\n"
                + "oops\n{\"id\":2,\"kind\":\"evaluate\",\"module\":\"hello\",\"function\":\"square\",\"input\":3}\n";
        List<String> flushed = new ArrayList<>();
        StringWriter buffer = new StringWriter();
        Writer out = new Writer() {
            @Override
            public void write(char[] c, int off, int len) {
                buffer.write(c, off, len);
            }

            @Override
            public void flush() {
                flushed.add(buffer.toString());
            }

            @Override
            public void close() {}
        };
        server.serve(new BufferedReader(new StringReader(in)), out);
        String[] lines = buffer.toString().split("\n", -1);
        assertEquals(5, lines.length, buffer.toString());   // four answers (the blank line is skipped), then ""
        assertEquals("", lines[4]);
        assertEquals(4, flushed.size());
        assertTrue(flushed.get(0).endsWith("}\n"), "flushed after the first line: " + flushed);
        assertEquals(9.0, Workloads.MAPPER.readTree(lines[3]).get("output").asDouble());
        assertTrue(lines[2].contains("malformed JSON"));
    }

    private static int count(JsonNode response, String name) {
        int n = 0;
        for (JsonNode t : response.get("timings")) if (t.get("name").asText().equals(name)) n++;
        return n;
    }

    private static String evaluate(int id, String module, String function, String input) {
        return "{\"id\":" + id + ",\"kind\":\"evaluate\",\"module\":\"" + module + "\",\"function\":\"" + function
                + "\",\"input\":" + input + "}";
    }
}
