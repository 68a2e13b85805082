package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.graph.Graph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's five-minute tour, line by line, against the values its comments promise (worked by hand), and the
 * README kept in step with the project that runs it: its code block is the body of examples/consumer's Tour, and
 * its coordinates are the build's.
 */
class ReadmeTourTest {
    private final Function<Tensor, Tensor> f = x -> x.mul(x).sum();
    private final Tensor x = Tensor.of(1, 2, 3);
    private final Tensor a = Tensor.of(new double[][] {{1, 0, 2}, {0, 3, 0}});

    @Test
    void firstOrder() {
        assertArrayEquals(new double[] {2, 4, 6}, AD.grad(f).apply(x).toArray(), 0.0);
        ValueAndGrad vg = AD.valueAndGrad(f, x);
        assertEquals(14.0, vg.value().item(), 0.0);
        assertArrayEquals(new double[] {2, 4, 6}, vg.grad().toArray(), 0.0);
        JvpResult j = AD.jvp(f, x, Tensor.of(1, 0, 0));
        assertEquals(14.0, j.value().item(), 0.0);
        assertEquals(2.0, j.tangent().item(), 0.0);
        VjpResult r = AD.vjp(t -> t.mul(t), x);
        assertArrayEquals(new double[] {1, 4, 9}, r.value().toArray(), 0.0);
        assertArrayEquals(new double[] {2, 0, 6}, r.pullback(Tensor.of(1, 0, 1)).toArray(), 0.0); // 2x ⊙ ȳ
        assertArrayEquals(new double[] {0, 4, 0}, r.pullback(Tensor.of(0, 1, 0)).toArray(), 0.0);
    }

    @Test
    void jacobianHessianHvpNesting() {
        // ∂(A x²)/∂x = A diag(2x) = [[1·2, 0, 2·6], [0, 3·4, 0]]
        Tensor j = AD.jacobian(v -> a.matmul(v.square())).apply(x);
        assertArrayEquals(new int[] {2, 3}, j.shape());
        assertArrayEquals(new double[] {2, 0, 12, 0, 12, 0}, j.toArray(), 0.0);
        assertArrayEquals(new double[] {2, 0, 0, 0, 2, 0, 0, 0, 2}, AD.hessian(f).apply(x).toArray(), 0.0);
        assertArrayEquals(new double[] {2, 0, 0}, AD.hvp(f, x, Tensor.of(1, 0, 0)).toArray(), 0.0);
        assertEquals(-1.0, AD.grad(AD.grad(t -> Ops.sin(t))).apply(Tensor.scalar(Math.PI / 2)).item(), 0.0);
    }

    @Test
    void vmapLinearizeStageCheckpoint() {
        // row i of the result is A e_i, the i-th column of A
        Tensor rows = AD.vmap(v -> a.matmul(v)).apply(Tensor.eye(3));
        assertArrayEquals(new int[] {3, 2}, rows.shape());
        assertArrayEquals(new double[] {1, 0, 0, 3, 2, 0}, rows.toArray(), 0.0);
        assertArrayEquals(new double[] {1, 3, 2}, AD.vmap(v -> v.sum(), 1, 0).apply(a).toArray(), 0.0);
        Linearized lin = AD.linearize(v -> v.sin(), Tensor.of(0, Math.PI));
        assertArrayEquals(new double[] {1, -1}, lin.apply(Tensor.of(1, 1)).toArray(), 0.0); // cos 0, cos π
        Graph g = AD.stage(in -> new Tensor[] {AD.grad(f).apply(in[0])}, x);
        // the staged gradient program, run on a new point, gives ∇Σx² = 2x there
        assertArrayEquals(new double[] {8, -2, 1}, dev.cotangent.graph.Evaluator.run(g, Tensor.of(4, -1, 0.5))[0].toArray(), 0.0);
        Function<Tensor[], Tensor> seg = AD.checkpoint(xs -> xs[0].matmul(xs[1]).tanh());
        Tensor w = Tensor.of(new double[][] {{0.5, -1}, {2, 0.25}});
        Tensor h = Tensor.of(0.3, -0.7);
        assertArrayEquals(AD.grad((Tensor ww) -> h.matmul(ww).tanh().sum()).apply(w).toArray(),
                AD.grad((Tensor ww) -> seg.apply(new Tensor[] {h, ww}).sum()).apply(w).toArray(), 1e-15);
    }

    @Test
    void severalInputsAuxNamedWeightsTreesCustomRules() {
        Tensor b = Tensor.of(4, 5, 6);
        Tensor[] g = AD.grad((Tensor p, Tensor q) -> p.mul(q).sum()).apply(x, b);
        assertArrayEquals(new double[] {4, 5, 6}, g[0].toArray(), 0.0);
        assertArrayEquals(new double[] {1, 2, 3}, g[1].toArray(), 0.0);
        Tensor[] onlyB = AD.grad((Tensor[] t) -> t[0].mul(t[1]).sum(), 1).apply(new Tensor[] {x, b});
        assertEquals(1, onlyB.length);
        assertArrayEquals(new double[] {1, 2, 3}, onlyB[0].toArray(), 0.0);
        // err = A x − [6, 6] = [7 − 6, 6 − 6] = [1, 0]; loss Σerr² = 1; ∇ = 2Aᵀerr = [2, 0, 4]; aux max|err| = 1
        ValueAndGradAux<Tensor, Tensor> r = AD.valueAndGradWithAux((Tensor v) -> {
            Tensor err = a.matmul(v).sub(Tensor.of(6, 6));
            return Aux.of(err.square().sum(), err.abs().max());
        }, x);
        assertEquals(1.0, r.value().item(), 0.0);
        assertArrayEquals(new double[] {2, 0, 4}, r.grad().toArray(), 0.0);
        assertEquals(1.0, r.aux().item(), 0.0);
        Map<String, Tensor> w = Map.of("W", Tensor.ones(3, 2), "b", Tensor.zeros(2));
        Map<String, Tensor> gw = AD.valueAndGrad(p -> x.matmul(p.get("W")).add(p.get("b")).relu().sum(), w).grads();
        // x·W = [6, 6] > 0, so ∂/∂W_kj = x_k and ∂/∂b_j = 1
        assertArrayEquals(new double[] {1, 1, 2, 2, 3, 3}, gw.get("W").toArray(), 0.0);
        assertArrayEquals(new double[] {1, 1}, gw.get("b").toArray(), 0.0);
        Layer gl = AD.valueAndGrad(l -> x.matmul(l.w()).add(l.b()).sum(),
                new Layer(Tensor.ones(3, 2), Tensor.zeros(2))).grad();
        assertArrayEquals(new double[] {1, 1, 2, 2, 3, 3}, gl.w().toArray(), 0);
        assertArrayEquals(new double[] {1, 1}, gl.b().toArray(), 0);
        var softplus = AD.customJvp(xs -> xs[0].exp().add(1).log(), (p, t, y) -> t[0].mul(p[0].sigmoid()));
        Tensor gs = AD.grad(v -> softplus.apply(new Tensor[] {v}).sum()).apply(x);
        for (int i = 0; i < 3; i++) assertEquals(1 / (1 + Math.exp(-(i + 1))), gs.toArray()[i], 1e-15);
        Tensor batch = Tensor.randn(42, 4, 2, 3);
        assertArrayEquals(new int[] {4, 2, 2}, batch.matmul(batch.mT()).shape());
    }

    /** The tour's record of weights. */
    record Layer(Tensor w, Tensor b) {}

    // ------------------------------------------------------------------ the README and the consumer project agree

    private static final Path ROOT = repositoryRoot();

    @Test
    void theReadmesTourIsTheConsumersTourLineForLine() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String tour = Files.readString(ROOT.resolve("examples/consumer/src/main/java/com/example/Tour.java"));
        int start = readme.indexOf("## A five-minute tour of the API");
        assertTrue(start >= 0, "README has no tour section");
        int open = readme.indexOf("```java\n", start) + "```java\n".length();
        String block = readme.substring(open, readme.indexOf("```\n", open));
        String expected = String.join("\n", between(tour, "// README tour: imports", "// end of the README's imports", 0))
                + "\n\n" + String.join("\n", between(tour, "// README tour: body", "// end of the README's body", 8)) + "\n";
        assertEquals(expected, block, "the README's tour and examples/consumer's Tour.java differ: change both");
    }

    @Test
    void theReadmeAndTheConsumerUseTheBuildsCoordinates() throws IOException {
        String version = firstMatch(Files.readString(ROOT.resolve("pom.xml")),
                "<artifactId>cotangent-parent</artifactId>\\s*<version>([^<]+)</version>");
        String readme = Files.readString(ROOT.resolve("README.md"));
        String getting = readme.substring(readme.indexOf("## Getting it"), readme.indexOf("## A five-minute tour"));
        assertTrue(getting.contains("<artifactId>cotangent-bom</artifactId>\n      <version>" + version + "</version>"),
                "README's Maven snippet lacks the BOM at " + version);
        assertTrue(getting.contains("platform(\"dev.cotangent:cotangent-bom:" + version + "\")"), "Gradle snippet");
        assertTrue(getting.contains("<artifactId>cotangent-core</artifactId>\n      <version>" + version + "</version>"),
                "README's minimal pom lacks cotangent-core " + version);
        assertTrue(getting.contains("<release>17</release>"), "the minimal pom must state Java 17");
        String consumer = Files.readString(ROOT.resolve("examples/consumer/pom.xml"));
        assertEquals(version, firstMatch(consumer, "<cotangent.version>([^<]+)</cotangent.version>"));
        assertEquals(version, firstMatch(Files.readString(ROOT.resolve("cotangent-bom/pom.xml")),
                "<artifactId>cotangent-bom</artifactId>\\s*<version>([^<]+)</version>"), "the BOM's version");
        assertTrue(Files.readString(ROOT.resolve("CHANGELOG.md")).contains("## " + version.replace("-SNAPSHOT", "")),
                "CHANGELOG.md has no section for " + version);
    }

    private static List<String> between(String text, String from, String to, int indent) {
        List<String> lines = text.lines().toList();
        int i = -1;
        int j = -1;
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).trim().equals(from)) i = k;
            if (lines.get(k).trim().equals(to)) j = k;
        }
        assertTrue(i >= 0 && j > i, "markers '" + from + "' and '" + to + "' not found in Tour.java");
        List<String> out = new ArrayList<>();
        for (String l : lines.subList(i + 1, j)) out.add(l.length() >= indent && l.substring(0, indent).isBlank() ? l.substring(indent) : l.strip());
        return out;
    }

    private static String firstMatch(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex);
        return m.group(1);
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("examples/consumer/pom.xml"))) p = p.getParent();
        assertTrue(p != null, "the repository root (with examples/consumer) was not found above the working directory");
        return p;
    }
}
