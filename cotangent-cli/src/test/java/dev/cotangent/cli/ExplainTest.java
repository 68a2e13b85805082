package dev.cotangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.cli.expr.Parser;
import dev.cotangent.graph.Svg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explain} on the lecture's example y·log x + sqrt(y·log x) at x = 2, y = 3 (seeds 000 and 001), with
 * a = log 2, b = 3a, c = √b: the listing, both tables with the hand-computed numbers, the gradient
 * ∂f/∂x = (y/x)(1 + 1/(2√b)), ∂f/∂y = a(1 + 1/(2√b)), the finite-difference check and the op counts.
 */
class ExplainTest {
    static final String SEED = "y*log(x) + sqrt(y*log(x))";

    static Cli seed(String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "explain";
        args[1] = SEED;
        args[2] = "--at";
        args[3] = "x=2,y=3";
        System.arraycopy(more, 0, args, 4, more.length);
        Cli r = Cli.run(args);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    @Test
    void theListingIsTheLecturesDag() {
        String out = seed().out();
        assertTrue(out.contains("""
                    x1 = x             = 2
                    x2 = y             = 3
                    x3 = log(x1)       = 0.693147    log(x)
                    x4 = mul(x2, x3)   = 2.07944     y*log(x)
                    x5 = sqrt(x4)      = 1.44203     sqrt(y*log(x))
                    x6 = add(x4, x5)   = 3.52147     y*log(x) + sqrt(y*log(x))   → f
                """), out);
    }

    @Test
    void theForwardTableHasTheSlidesNumbers() {
        String out = seed().out();
        // ∂a/∂x = 1/x; ∂b/∂x = a·0 + y·(1/x); ∂c/∂x = (1/(2√b))·∂b/∂x; ∂f/∂x = ∂b/∂x + ∂c/∂x
        assertTrue(out.contains("    ∂x3/∂x = [∂x3/∂x1]·∂x1/∂x\n           = 0.5 × 1 = 0.5\n"), out);
        assertTrue(out.contains("    ∂x4/∂x = [∂x4/∂x2]·∂x2/∂x + [∂x4/∂x3]·∂x3/∂x\n"
                + "           = 0.693147 × 0 + 3 × 0.5 = 1.5\n"), out);
        assertTrue(out.contains("           = 0.346734 × 1.5 = 0.520101\n"), out);
        assertTrue(out.contains("           = 1 × 1.5 + 1 × 0.520101 = 2.0201\n"), out);
    }

    @Test
    void theReverseTableHasTheSlidesNumbers() {
        String out = seed().out();
        // ∂f/∂c = 1; ∂f/∂b = ∂f/∂c·1/(2√b) + ∂f/∂f·1; ∂f/∂a = ∂f/∂b·y; ∂f/∂y = ∂f/∂b·a; ∂f/∂x = ∂f/∂a·1/x
        assertTrue(out.contains("    ∂f/∂x6 = 1    (seed: f is x6)\n"), out);
        assertTrue(out.contains("    ∂f/∂x4 = ∂f/∂x5·[∂x5/∂x4] + ∂f/∂x6·[∂x6/∂x4]\n"
                + "           = 1 × 0.346734 + 1 × 1 = 1.34673\n"), out);
        assertTrue(out.contains("           = 1.34673 × 3 = 4.0402\n"), out);
        assertTrue(out.contains("           = 1.34673 × 0.693147 = 0.933485    = ∂f/∂y\n"), out);
        assertTrue(out.contains("           = 4.0402 × 0.5 = 2.0201    = ∂f/∂x\n"), out);
    }

    @Test
    void theGradientCheckAndCounts() {
        String out = seed().out();
        double a = Math.log(2), b = 3 * a;
        assertTrue(out.contains("∂f/∂x = " + (1.5 * (1 + 1 / (2 * Math.sqrt(b))))), out);
        assertTrue(out.contains("∂f/∂y = " + (a * (1 + 1 / (2 * Math.sqrt(b))))), out);
        assertTrue(out.contains("    agrees (largest error"), out);
        assertTrue(out.contains("f as written (operators and function calls)  6\n"), out);
        assertTrue(out.contains("f staged, as listed above                    4\n"), out);
        assertTrue(out.contains("= 2.75 × f"), out);
    }

    @Test
    void linesFitAWideTerminal() {
        for (String line : seed().out().split("\n")) assertTrue(line.length() <= 100, line);
    }

    @Test
    void modesAndTheForwardInput() {
        String fwd = seed("--mode", "forward").out();
        assertTrue(fwd.contains("Forward mode") && !fwd.contains("Reverse mode"), fwd);
        String rev = seed("--mode", "reverse").out();
        assertTrue(!rev.contains("Forward mode") && rev.contains("Reverse mode"), rev);
        String y = seed("--wrt", "y", "--mode", "forward").out();
        assertTrue(y.contains("    ∂x2/∂y = 1    (seed: x2 is y)"), y);
        assertTrue(y.contains("           = 0.693147 × 1 + 3 × 0 = 0.693147\n"), y); // ∂b/∂y = a
    }

    @Test
    void dotAndSvgFiles(@TempDir Path dir) throws Exception {
        Path dot = dir.resolve("g.dot");
        Cli r = seed("--dot", dot.toString());
        String src = Files.readString(dot);
        assertTrue(src.startsWith("digraph cotangent {"), src);
        assertTrue(src.contains("x3 = log\\n= 0.693147\\n∂f/∂x3 = 4.0402"), src);
        assertTrue(src.contains("label=\"∂x4/∂x3 = 3\""), src);
        assertTrue(r.err().contains("wrote " + dot), r.err());
        if (Svg.dotAvailable()) {
            Path svg = dir.resolve("g.svg");
            seed("--svg", svg.toString());
            assertTrue(Files.readString(svg).contains("<svg"));
        }
    }

    @Test
    void aBigGeneratedExpression() throws Exception {
        // the README's performance example: 10,000 operations; the gradient program stays within 4x of f
        String expr = GenerateExpression.generate(10_000, 42);
        assertEquals(10_000, Parser.parse(expr).operationCount());
        Explanation x = new Explanation(Parser.parse(expr), new Point(List.of("x", "y", "z"), GenerateExpression.POINT));
        assertTrue(x.gradientGraph.opCount() <= 4 * x.graph.opCount(),
                x.gradientGraph.opCount() + " vs " + x.graph.opCount());
        assertTrue(x.gradientGraph.opCount() <= 4 * 10_000);
        String out = x.render(Explanation.Mode.both, 0);
        assertTrue(out.contains("    agrees (largest error"), out.substring(out.length() - 2000));
        assertFalse(out.contains("nan"));
    }

    @Test
    void compiledShowsTheFusedGradientProgramAndItsGradient() {
        String out = seed("--compiled").out();
        assertTrue(out.contains("Compiled (AD.jit)") && out.contains("scalar straight-line") && out.contains("fuses"), out);
        // the compiled gradient is the closed form (y/x)(1 + 1/(2√b)), a(1 + 1/(2√b)) with a = log 2, b = 3a
        double a = Math.log(2);
        double k = 1 + 1 / (2 * Math.sqrt(3 * a));
        String line = out.substring(out.indexOf("∇f run compiled:") + "∇f run compiled:".length()).trim().split("\n")[0];
        String[] g = line.split(" ");
        assertEquals(1.5 * k, Double.parseDouble(g[0]), 1e-14);
        assertEquals(a * k, Double.parseDouble(g[1]), 1e-14);
        assertFalse(seed().out().contains("Compiled (AD.jit)"));
    }
}
