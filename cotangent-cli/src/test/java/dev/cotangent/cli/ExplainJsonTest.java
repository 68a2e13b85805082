package dev.cotangent.cli;

import static dev.cotangent.cli.JsonContractTest.close;
import static dev.cotangent.cli.JsonContractTest.fields;
import static dev.cotangent.cli.JsonContractTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@code explain --json} (the same object the server's /api/explain returns): "value" and
 * "gradient" exactly as {@code grad --json}, the nodes of the listing, and the tangent and adjoint table rows
 * with their terms, checked on the lecture's example against the slides' numbers (analytic, not the engine's).
 */
class ExplainJsonTest {
    static final String LECTURE = "y*log(x) + sqrt(y*log(x))";

    @Test
    void valueAndGradientAreExactlyThoseOfGradJson() throws Exception {
        for (String[] c : new String[][] {{LECTURE, "x=2,y=3"}, {"x/3", "x=1"}, {"atan2(y, x)*exp(-x)", "y=1,x=0.5"},
                {"x^2", "x=3,unused=5"}}) {
            JsonNode e = json("explain", c[0], "--at", c[1], "--json");
            JsonNode g = json("grad", c[0], "--at", c[1], "--json");
            assertEquals(g.get("value").toString(), e.get("value").toString(), c[0]);
            assertEquals(g.get("gradient").toString(), e.get("gradient").toString(), c[0]);
            assertEquals(List.of("value", "gradient"), fields(e).subList(0, 2));
        }
    }

    @Test
    void nodesAreTheListing() throws Exception {
        JsonNode n = json("explain", LECTURE, "--at", "x=2,y=3", "--json").get("nodes");
        assertEquals(6, n.size());
        String[] ops = {"input", "input", "log", "mul", "sqrt", "add"};
        String[] parents = {"[]", "[]", "[1]", "[2,3]", "[4]", "[4,5]"};
        double a = Math.log(2), b = 3 * a;
        double[] values = {2, 3, a, b, Math.sqrt(b), b + Math.sqrt(b)};
        for (int k = 0; k < 6; k++) {
            assertEquals(k + 1, n.get(k).get("id").asInt());
            assertEquals("x" + (k + 1), n.get(k).get("name").asText());
            assertEquals(ops[k], n.get(k).get("op").asText());
            assertEquals(parents[k], n.get(k).get("parents").toString());
            close(values[k], n.get(k).get("value").asDouble(), 1e-15);
        }
        assertEquals("x", n.get(0).get("input").asText());
        assertEquals("y*log(x)", n.get(3).get("text").asText());
    }

    @Test
    void tangentRowsCarryTheChainRuleOfTheForwardTable() throws Exception {
        JsonNode root = json("explain", LECTURE, "--at", "x=2,y=3", "--json");
        assertEquals(6, root.get("output").asInt());
        JsonNode t = root.get("tangents").get("x");
        double a = Math.log(2), b = 3 * a, s = 1 / (2 * Math.sqrt(b));
        double[] tangent = {1, 0, 0.5, 1.5, s * 1.5, 1.5 + s * 1.5};
        for (int k = 0; k < 6; k++) {
            assertEquals(k + 1, t.get(k).get("id").asInt());
            close(tangent[k], t.get(k).get("value").asDouble(), 1e-15);
        }
        JsonNode x4 = t.get(3);   // ∂x4/∂x = [∂x4/∂x2]·∂x2/∂x + [∂x4/∂x3]·∂x3/∂x = a × 0 + 3 × 0.5
        assertEquals(2, x4.get("terms").size());
        assertEquals(2, x4.get("terms").get(0).get("from").asInt());
        close(a, x4.get("terms").get(0).get("local").asDouble(), 1e-15);
        assertEquals(0.0, x4.get("terms").get(0).get("carried").asDouble());
        close(3, x4.get("terms").get(1).get("local").asDouble(), 1e-15);
        close(0.5, x4.get("terms").get(1).get("carried").asDouble(), 1e-15);
        assertEquals("[∂x4/∂x2]·∂x2/∂x + [∂x4/∂x3]·∂x3/∂x", x4.get("formula").asText());
        assertEquals("0.693147 × 0 + 3 × 0.5", x4.get("numbers").asText());
        assertEquals("seed: x1 is x", t.get(0).get("note").asText());
        assertEquals("y does not depend on x", t.get(1).get("note").asText());
        close(a * (1 + s), root.get("tangents").get("y").get(5).get("value").asDouble(), 1e-15);
    }

    @Test
    void adjointRowsRunFromFDownAndEndInTheGradient() throws Exception {
        JsonNode root = json("explain", LECTURE, "--at", "x=2,y=3", "--json");
        JsonNode r = root.get("adjoints");
        int[] order = {6, 5, 4, 3, 2, 1};
        for (int i = 0; i < 6; i++) assertEquals(order[i], r.get(i).get("id").asInt());
        assertEquals("seed: f is x6", r.get(0).get("note").asText());
        JsonNode x4 = r.get(2);   // ∂f/∂x4 = ∂f/∂x5·[∂x5/∂x4] + ∂f/∂x6·[∂x6/∂x4]
        assertEquals("∂f/∂x5·[∂x5/∂x4] + ∂f/∂x6·[∂x6/∂x4]", x4.get("formula").asText());
        assertEquals("1 × 0.346734 + 1 × 1", x4.get("numbers").asText());
        assertEquals(root.get("gradient").get("x").asDouble(), r.get(5).get("value").asDouble(), 1e-15);
        assertEquals(root.get("gradient").get("y").asDouble(), r.get(4).get("value").asDouble(), 1e-15);
        assertEquals("= ∂f/∂y", r.get(4).get("note").asText());
        JsonNode c = root.get("counts");
        assertEquals("{\"written\":6,\"staged\":4,\"gradient\":11}", c.toString());
        close(root.get("gradient").get("x").asDouble(), root.get("finiteDifferences").get("x").asDouble(), 1e-9);
    }

    @Test
    void theRowsAreTheLinesOfTheTextTables() throws Exception {
        JsonNode root = json("explain", "x*sin(y) - y/x", "--at", "x=1.5,y=-0.7", "--json");
        String text = Cli.run("explain", "x*sin(y) - y/x", "--at", "x=1.5,y=-0.7").out();
        for (JsonNode row : root.get("tangents").get("x")) {
            if (row.hasNonNull("numbers")) {
                String line = "= " + row.get("numbers").asText() + " = " + row.get("brief").asText();
                assertTrue(text.contains(line), line + "\n" + text);
            }
        }
        for (JsonNode row : root.get("adjoints")) {
            String lhs = row.get("lhs").asText() + " = ";
            assertTrue(text.contains(lhs + (row.hasNonNull("formula") ? row.get("formula").asText() : "1")), lhs);
        }
    }

    @Test
    void errorsStayOnStderrWithExitCode2() {
        Cli r = Cli.run("explain", "sin(x", "--at", "x=1", "--json");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("^"), r.err());
    }
}
