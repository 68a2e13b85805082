package dev.cotangent.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every demo runs at reduced size, writes its plots and reports its numbers. */
class DemosTest {
    @TempDir
    Path out;

    String run(String name) {
        String s = Demos.run(name, out, new PrintStream(new ByteArrayOutputStream()), true);
        assertTrue(s.startsWith(name), s);
        return s;
    }

    void assertPng(String file) throws Exception {
        Path p = out.resolve(file);
        assertTrue(Files.exists(p), file + " missing");
        byte[] head = Files.readAllBytes(p);
        assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G', file + " is not a PNG");
    }

    /**
     * The held-out accuracy a digits demo reports, which must show that it learnt: at the reduced size (300 images,
     * 3 epochs) well above the 10 % of guessing.
     */
    static void assertLearnt(String summary) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("held-out accuracy ([0-9.]+)").matcher(summary);
        assertTrue(m.find(), "no accuracy in: " + summary);
        double acc = Double.parseDouble(m.group(1));
        assertTrue(acc >= 0.5, "held-out accuracy " + acc + " after the reduced run: " + summary);
    }

    @Test
    void mlp() throws Exception {
        assertLearnt(run("mlp"));
        assertPng("mlp-loss.png");
        assertPng("mlp-accuracy.png");
    }

    @Test
    void resnet() throws Exception {
        assertLearnt(run("resnet"));
        assertPng("resnet-loss.png");
    }

    @Test
    void rnn() throws Exception {
        assertLearnt(run("rnn"));
        assertPng("rnn-accuracy.png");
    }

    @Test
    void mds() throws Exception {
        assertTrue(run("mds").contains("PASS"));
        assertPng("mds-points.png");
        assertPng("mds-stress.png");
    }

    @Test
    void zeroOrder() throws Exception {
        assertTrue(run("zero-order").contains("two-point rate per step falls"));
        assertPng("zero-order-rates.png");
        assertPng("zero-order-d16.png");
    }

    @Test
    void newton() throws Exception {
        String s = run("newton");
        assertTrue(s.contains("Newton with the exact Hessian reaches"), s);
        assertTrue(!s.contains("more than"), "gradient descent did not reach the tolerance: " + s);
        assertPng("newton-errors.png");
    }

    static double number(String summary, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(summary);
        assertTrue(m.find(), "no match for " + regex + " in: " + summary);
        return Double.parseDouble(m.group(1));
    }

    /** The first number after {@code label} in {@code s}. */
    static double numberAfter(String s, String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(label)
                + "\\s*([-+0-9.eE]+)").matcher(s);
        assertTrue(m.find(), "no '" + label + "' in: " + s);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void sinkhorn() throws Exception {
        String s = run("sinkhorn");
        // the two gradients agree at convergence; the unrolled one is worse than the implicit one after 2 iterations
        assertTrue(number(s, "gradients differ by ([-0-9.e]+) \\(relative\\)") < 1e-8, s);
        double unrolled2 = number(s, "at K = 2 the unrolled gradient error is ([-0-9.e]+)");
        double implicit2 = number(s, "at K = 2 the unrolled gradient error is [-0-9.e]+ \\(implicit ([-0-9.e]+)\\)");
        assertTrue(implicit2 < unrolled2, s);
        // memory: the unrolled tape at convergence is larger; the implicit tape is the same at K = 1 as at convergence
        double unrolledMiB = number(s, "unrolled ([0-9.]+) MiB, implicit");
        double implicitMiB = number(s, "MiB, implicit ([0-9.]+) MiB \\(");
        double implicitAt1 = number(s, "implicit at K = 1: ([0-9.]+) MiB");
        assertTrue(unrolledMiB > 10 * implicitMiB, s);
        assertEquals(implicitAt1, implicitMiB, 1e-12, s);
        // the flow moved the cloud towards the ring
        assertTrue(number(s, "\\(ratio ([-0-9.e]+)\\)") < 0.2, s);
        assertPng("sinkhorn-gradient-error.png");
        assertPng("sinkhorn-memory.png");
        assertPng("sinkhorn-time.png");
        assertPng("sinkhorn-flow.png");
    }

    @Test
    void bilevel() throws Exception {
        String s = run("bilevel");
        double start = number(s, "loss ([0-9.]+) →");
        double end = number(s, "→ ([0-9.]+) in");
        double grid = number(s, "is log λ = [-0-9.]+ \\(loss ([0-9.]+),");
        assertTrue(end < start - 0.05, s);                 // the validation loss decreased
        assertTrue(end <= grid + 1e-4, s);                 // as good as the best grid point (or better)
        assertTrue(number(s, "central differences: relative difference ([-0-9.e]+)") < 1e-6, s);
        assertTrue(number(s, "d²L/d\\(log λ\\)² = ([-0-9.e]+)") > 0, s); // a minimum, by the Hessian through argmin
        assertPng("bilevel-validation.png");
        assertPng("bilevel-descent.png");
    }

    @Test
    void control() throws Exception {
        String s = run("control");
        // both ways of differentiating learn: each loss falls at least a hundredfold in the reduced run
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("loss ([-+0-9.eE]+) → ([-+0-9.eE]+)").matcher(s);
        int runs = 0;
        while (m.find()) {
            assertTrue(Double.parseDouble(m.group(2)) < Double.parseDouble(m.group(1)) / 100, m.group() + " in " + s);
            runs++;
        }
        assertTrue(runs == 2, s);
        // the gradients at θ₀ are close to the exact one, and the adjoint's tape does not hold the steps
        assertTrue(numberAfter(s, "adjoint") < 1e-5 && numberAfter(s, "rk4") < 1e-5, s);
        assertTrue(numberAfter(s, "tape kept for reverse mode: adjoint") < numberAfter(s, "bytes, rk4") / 10, s);
        assertPng("control-trajectories.png");
        assertPng("control-loss.png");
    }

    @Test
    void memory() throws Exception {
        String s = run("memory");
        assertTrue(numberAfter(s, "gradient equals all()'s to") < 1e-12, s);
        assertTrue(numberAfter(s, "equals storing all states to") < 1e-8, s);
        double all = numberAfter(s, "\nall()");
        double every14 = numberAfter(s, "every(14)");
        double binomial2 = numberAfter(s, "binomial(2)");
        double leapfrog = numberAfter(s, "\nleapfrog");
        double stored = numberAfter(s, "reversible, all states");
        assertTrue(every14 < all / 2 && binomial2 < every14 && leapfrog < stored / 5, s);
        // revolve's count for K = 200, s = 2: t = 19 (β(2, 19) = 210 ≥ 200), 19·200 − β(3, 18) = 3800 − 1330
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("binomial\\(2\\)(\\s+[0-9.]+){4}\\s+(\\d+)").matcher(s);
        assertTrue(m.find(), s);
        assertTrue(Long.parseLong(m.group(2)) == 2470, s);
        assertPng("memory-tradeoff.png");
    }

    @Test
    void unknownNameListsTheDemos() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Demos.run("nope", out, new PrintStream(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains("zero-order"));
    }
}
