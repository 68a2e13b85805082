package dev.cotangent.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The replay's checker rejects what the eval would reject, so a wrong output fails the replay test. */
class ValidationTest {
    private static final Validation RELATIVE = new Validation("relative", 1e-4, 0, 0);

    private static JsonNode json(String s) throws IOException {
        return Workloads.MAPPER.readTree(s);
    }

    @Test
    void numbersAreComparedRelativeToMaxOfOneAndTheirSize() {
        assertTrue(RELATIVE.close(1000, 1000.1));
        assertTrue(!RELATIVE.close(1000, 1000.3));
        assertTrue(RELATIVE.close(1e-6, 9e-5));      // below 0.5 the check is absolute: |x − y| ≤ 1e-4
        assertTrue(!RELATIVE.close(0, 2e-4));
        assertTrue(!RELATIVE.close(Double.NaN, 1));
        Validation isclose = new Validation("isclose", 0, 1e-5, 1e-8);
        assertTrue(isclose.close(4.00001, 4));
        assertTrue(!isclose.close(4.001, 4));
    }

    @Test
    void structureMustMatchExactly() throws IOException {
        JsonNode expected = json("{\"a\":[1,2,3],\"b\":{\"c\":5}}");
        assertEquals(0, RELATIVE.mismatches(json("{\"b\":{\"c\":5.0},\"a\":[1.0,2,3.00001]}"), expected, 10).size());
        assertEquals(1, RELATIVE.mismatches(json("{\"a\":[1,2],\"b\":{\"c\":5}}"), expected, 10).size());
        assertEquals(1, RELATIVE.mismatches(json("{\"a\":[1,2,3],\"b\":{\"c\":5},\"d\":1}"), expected, 10).size());
        assertEquals(1, RELATIVE.mismatches(json("{\"a\":[1,2,3],\"b\":{}}"), expected, 10).size());
        assertEquals(1, RELATIVE.mismatches(json("{\"a\":[1,2,4],\"b\":{\"c\":5}}"), expected, 10).size());
        assertEquals(1, RELATIVE.mismatches(json("{\"a\":[1,2,3],\"b\":{\"c\":\"5\"}}"), expected, 10).size());
    }

    @Test
    void aPerturbedReferenceOutputIsCaught() throws IOException {
        JsonNode c = Workloads.of("gmm").get("cases").get(1);
        JsonNode expected = c.get("expected");
        JsonNode perturbed = expected.deepCopy();
        double v = expected.get("mu").get(0).get(0).asDouble();
        ((com.fasterxml.jackson.databind.node.ArrayNode) perturbed.get("mu").get(0)).set(0,
                v + 1e-3 * Math.max(1, 2 * Math.abs(v)));   // 10 × the tolerance
        assertEquals(0, RELATIVE.mismatches(expected, expected, 10).size());
        assertEquals(1, RELATIVE.mismatches(perturbed, expected, 10).size());
    }
}
