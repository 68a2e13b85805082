package dev.cotangent.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public workload of every eval, played through the server exactly as an eval does (start, define, then an
 * evaluate and an analysis message per case, ids 0, 1, 2, …), each output checked against the reference with the
 * file's validation rule, and each response checked against the protocol (same id, success, timings as non-negative
 * integers, at least min_runs evaluate timings).
 */
class ReplayTest {
    static final List<String> EVALS = List.of("hello", "lse", "llsq", "det", "ode", "kmeans", "gmm", "ba", "ht",
            "lstm", "particle", "saddle");

    static List<String> evals() {
        return EVALS;
    }

    @Test
    void theToolImplementsEveryEval() {
        assertEquals(EVALS, Evals.all().stream().map(Eval::name).collect(Collectors.toList()));
    }

    @ParameterizedTest
    @MethodSource("evals")
    void everyPublicWorkloadIsValid(String eval) throws IOException {
        JsonNode data = Workloads.of(eval);
        Validation rule = Validation.of(data.get("validation"));
        Server server = Server.standard(null);
        int[] id = {0};
        ObjectNode start = Workloads.MAPPER.createObjectNode().put("id", id[0]++).put("kind", "start").put("eval", eval);
        assertEquals(id[0] - 1, send(server, start).get("id").asInt());
        JsonNode define = send(server, Workloads.MAPPER.createObjectNode().put("id", id[0]++).put("kind", "define")
                .put("module", eval));
        assertTrue(define.get("success").asBoolean(), "define " + eval + ": " + define);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (JsonNode c : data.get("cases")) {
            cases++;
            ObjectNode msg = Workloads.MAPPER.createObjectNode().put("id", id[0]++).put("kind", "evaluate")
                    .put("module", c.get("module").asText()).put("function", c.get("function").asText());
            msg.set("input", c.get("input"));
            if (!c.path("description").isNull()) msg.set("description", c.get("description"));
            String label = eval + " " + c.get("function").asText() + " " + c.path("description").asText();
            JsonNode r = send(server, msg);
            assertEquals(msg.get("id").asInt(), r.get("id").asInt(), label + ": response id");
            if (!r.path("success").asBoolean(false)) {
                failures.add(label + ": success false: " + r.path("error").asText());
                continue;
            }
            assertTrue(r.has("output") && !r.has("error"), label + ": success without output, or with an error");
            checkTimings(label, r.get("timings"), c.get("input"));
            List<String> bad = rule.mismatches(r.get("output"), c.get("expected"), 5);
            if (!bad.isEmpty()) failures.add(label + ": " + bad);
            ObjectNode analysis = Workloads.MAPPER.createObjectNode().put("id", id[0]++).put("kind", "analysis")
                    .put("of", msg.get("id").asInt()).put("valid", bad.isEmpty());
            assertEquals("{\"id\":" + analysis.get("id") + "}", server.handle(analysis.toString()));
        }
        assertTrue(cases > 0, eval + ": no cases");
        if (!failures.isEmpty()) fail(failures.size() + " of " + cases + " cases of " + eval + " failed:\n  "
                + String.join("\n  ", failures));
    }

    private static void checkTimings(String label, JsonNode timings, JsonNode input) {
        assertTrue(timings != null && timings.isArray(), label + ": no timings");
        int evaluates = 0;
        for (JsonNode t : timings) {
            assertTrue(t.get("name").isTextual(), label + ": timing without a name");
            JsonNode ns = t.get("nanoseconds");
            assertTrue(ns.isIntegralNumber() && ns.asLong() >= 0, label + ": nanoseconds " + ns);
            if (t.get("name").asText().equals("evaluate")) evaluates++;
        }
        int minRuns = input.isObject() ? input.path("min_runs").asInt(1) : 1;
        assertTrue(evaluates >= Math.max(1, minRuns), label + ": " + evaluates + " evaluate timings");
    }

    static JsonNode send(Server server, JsonNode msg) throws IOException {
        String line = server.handle(msg.toString());
        assertTrue(!line.contains("\n"), "a response is one line");
        return Workloads.MAPPER.readTree(line);
    }
}
