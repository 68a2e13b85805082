package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.check.CheckResult;
import dev.cotangent.check.GradCheck;
import dev.cotangent.check.Tolerance;
import dev.cotangent.graph.Graph;
import dev.cotangent.graph.Listing;
import dev.cotangent.graph.Node;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * AD.customJvp: forward mode uses the rule, reverse mode transposes it, second derivatives work, and the rule is
 * really the one used (a deliberately different rule changes the derivative in both modes).
 */
class CustomJvpTest {
    /** log(1 + eˣ) with its derivative given as the sigmoid: d/dx softplus = σ(x). */
    private static final Function<Tensor[], Tensor> SOFTPLUS = AD.customJvp(
            xs -> xs[0].exp().add(1).log(),
            (x, t, y) -> t[0].mul(x[0].sigmoid()));

    /** f(a, b) = a·sin b with the true product rule ȧ sin b + a cos b ḃ. */
    private static final Function<Tensor[], Tensor> PRODUCT = AD.customJvp(
            xs -> xs[0].mul(xs[1].sin()),
            (x, t, y) -> t[0].mul(x[1].sin()).add(x[0].mul(x[1].cos()).mul(t[1])));

    private static final Tensor X = Tensor.of(-1.5, 0.2, 2.0);

    @Test
    void forwardModeUsesTheRule() {
        Tensor t = AD.jvp(x -> SOFTPLUS.apply(new Tensor[] {x}), X, Tensor.of(1, 2, 3)).tangent();
        double[] x = X.toArray();
        for (int i = 0; i < 3; i++) assertEquals((i + 1) / (1 + Math.exp(-x[i])), t.toArray()[i], 1e-15);
    }

    @Test
    void reverseModeTransposesTheRule() {
        Tensor g = AD.grad(x -> SOFTPLUS.apply(new Tensor[] {x}).sum()).apply(X);
        double[] x = X.toArray();
        for (int i = 0; i < 3; i++) assertEquals(1 / (1 + Math.exp(-x[i])), g.toArray()[i], 1e-15);
        // two operands: ∂/∂a = sin b, ∂/∂b = a cos b
        Tensor[] gs = AD.grad((Tensor a, Tensor b) -> PRODUCT.apply(new Tensor[] {a, b}).sum())
                .apply(Tensor.of(2, 3), Tensor.of(0.5, -1));
        assertArrayEquals(new double[] {Math.sin(0.5), Math.sin(-1)}, gs[0].toArray(), 1e-15);
        assertArrayEquals(new double[] {2 * Math.cos(0.5), 3 * Math.cos(-1)}, gs[1].toArray(), 1e-15);
    }

    @Test
    void theRuleIsWhatBothModesUse() {
        // a wrong rule on purpose (2·ẋ for sin): both modes must report it, not the true derivative cos x
        Function<Tensor[], Tensor> sinWithRule = AD.customJvp(xs -> xs[0].sin(), (x, t, y) -> t[0].mul(2));
        assertArrayEquals(new double[] {2, 2}, AD.grad(x -> sinWithRule.apply(new Tensor[] {x}).sum())
                .apply(Tensor.of(0.3, 1)).toArray(), 0);
        assertArrayEquals(new double[] {2, 4}, AD.jvp(x -> sinWithRule.apply(new Tensor[] {x}), Tensor.of(0.3, 1),
                Tensor.of(1, 2)).tangent().toArray(), 0);
    }

    @Test
    void agreesWithFiniteDifferencesAndTheDotProductTest() {
        Function<Tensor, Tensor> f = v -> PRODUCT.apply(new Tensor[] {v.mul(v), v.cos()});
        SplittableRandom rng = new SplittableRandom(3);
        Tensor x = Tensor.of(0.3, -0.7, 1.1);
        Tensor v = GradCheck.random(rng, 3);
        Tensor u = GradCheck.random(rng, 3);
        CheckResult fd = GradCheck.jvp(f, x, v, Tolerance.FINITE_DIFFERENCES);
        CheckResult dot = GradCheck.dotProduct(f, x, u, v, Tolerance.ROUNDING);
        assertTrue(fd.passed(), fd.toString());
        assertTrue(dot.passed(), dot.toString());
    }

    @Test
    void secondDerivativesBothWays() {
        // d²/dx² softplus = σ(x)(1 − σ(x))
        Function<Tensor, Tensor> f = x -> SOFTPLUS.apply(new Tensor[] {x}).sum();
        Tensor fwdOverRev = AD.hessian(f).apply(X);
        Tensor revOverRev = AD.jacrev(AD.grad(f)).apply(X);
        double[] x = X.toArray();
        for (int i = 0; i < 3; i++) {
            double s = 1 / (1 + Math.exp(-x[i]));
            assertEquals(s * (1 - s), fwdOverRev.value().get(i, i), 1e-14);
            assertEquals(s * (1 - s), revOverRev.value().get(i, i), 1e-14);
        }
        // forward over forward: the JVP of the JVP along the same direction
        Tensor ff = AD.jvp(y -> AD.jvp(z -> SOFTPLUS.apply(new Tensor[] {z}), y, Tensor.of(1, 1, 1)).tangent(),
                X, Tensor.of(1, 1, 1)).tangent();
        for (int i = 0; i < 3; i++) {
            double s = 1 / (1 + Math.exp(-x[i]));
            assertEquals(s * (1 - s), ff.toArray()[i], 1e-14);
        }
    }

    @Test
    void vmapRunsTheRulePerExample() {
        Function<Tensor, Tensor> g = AD.grad(x -> SOFTPLUS.apply(new Tensor[] {x}).sum());
        Tensor xs = Tensor.of(new double[][] {{0.1, -2}, {3, 0}});
        Tensor got = AD.vmap(g).apply(xs);
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(1 / (1 + Math.exp(-xs.value().get(k, j))), got.value().get(k, j), 1e-15);
            }
        }
    }

    @Test
    void carriesItsGraphAndPrintsIt() {
        Graph g = AD.stage(in -> new Tensor[] {SOFTPLUS.apply(new Tensor[] {in[0]})}, X);
        assertEquals(1, g.opCount());
        Node n = g.nodes().get(0);
        assertTrue(n.primitive() instanceof dev.cotangent.graph.Composite);
        Graph inside = ((dev.cotangent.graph.Composite) n.primitive()).graph(X.dims());
        assertEquals(3, inside.opCount(), Listing.render(inside));   // exp, add, log
        String listing = Listing.render(g);
        assertTrue(listing.contains("custom_jvp(x1)") && listing.contains("log("), listing);
    }

    @Test
    void aRuleWithAWrongShapeIsAClearError() {
        Function<Tensor[], Tensor> bad = AD.customJvp(xs -> xs[0].sin(), (x, t, y) -> t[0].sum());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AD.jvp(x -> bad.apply(new Tensor[] {x}), X, X));
        assertTrue(e.getMessage().contains("customJvp") && e.getMessage().contains("[3]"), e.getMessage());
    }
}
