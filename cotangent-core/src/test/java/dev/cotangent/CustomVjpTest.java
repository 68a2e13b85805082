package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** AD.customVjp: reverse mode uses the user's rule, which can itself be differentiated; errors are clear. */
class CustomVjpTest {
    /** softplus written naively, with its stable derivative σ(x) given as the rule. */
    private static final Function<Tensor[], Tensor> SOFTPLUS = AD.customVjp(
            xs -> xs[0].exp().add(1).log(),
            (in, out, ct) -> new Tensor[] {ct.mul(in[0].sigmoid())});

    @Test
    void reverseModeUsesTheRule() {
        // the naive f overflows at x = 800 (log(1 + e^800) = inf), so its own derivative would be NaN; the rule's
        // σ(800) = 1 is the exact derivative
        Tensor g = AD.grad((Tensor x) -> SOFTPLUS.apply(new Tensor[] {x}).sum()).apply(Tensor.of(-2, 0.5, 800));
        assertArrayEquals(new double[] {1 / (1 + Math.exp(2)), 1 / (1 + Math.exp(-0.5)), 1.0}, g.toArray(), 1e-15);
    }

    @Test
    void aRuleDifferentFromTheTrueDerivativeIsWhatReverseModeReturns() {
        // a straight-through estimator: round in the forward pass, identity in the backward pass
        Function<Tensor[], Tensor> round = AD.customVjp(xs -> Ops.floor(xs[0].add(0.5)), (in, out, ct) -> new Tensor[] {ct});
        Tensor g = AD.grad((Tensor x) -> round.apply(new Tensor[] {x}).mul(x).sum()).apply(Tensor.of(0.3, 1.7));
        // d/dx [round(x)·x] with round' := 1: x + round(x)
        assertArrayEquals(new double[] {0.3 + 0, 1.7 + 2}, g.toArray(), 1e-15);
    }

    @Test
    void secondOrderDifferentiatesTheRule() {
        // Hessian of Σ softplus(x) through the rule σ(x): diag σ(x)(1 − σ(x))
        Tensor x = Tensor.of(-1, 0.25);
        Tensor h = AD.hessian((Tensor t) -> SOFTPLUS.apply(new Tensor[] {t}).sum()).apply(x);
        double s0 = 1 / (1 + Math.exp(1));
        double s1 = 1 / (1 + Math.exp(-0.25));
        assertArrayEquals(new double[] {s0 * (1 - s0), 0, 0, s1 * (1 - s1)}, h.toArray(), 1e-14);
    }

    @Test
    void forwardModeAndVmapUseTheFunction() {
        Tensor x = Tensor.of(0.5, -1);
        Function<Tensor, Tensor> f = t -> SOFTPLUS.apply(new Tensor[] {t});
        assertArrayEquals(AD.jacrev(f).apply(x).toArray(), AD.jacfwd(f).apply(x).toArray(), 1e-15);
        Tensor rows = AD.vmap(f).apply(Tensor.of(new double[][] {{0.5, -1}, {2, 3}}));
        assertEquals(Math.log1p(Math.exp(3)), rows.value().get(1, 1), 1e-15);
    }

    @Test
    void aRuleReturningTheWrongShapeIsNamed() {
        Function<Tensor[], Tensor> bad = AD.customVjp(xs -> xs[0].mul(2), (in, out, ct) -> new Tensor[] {ct.sum()});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AD.grad((Tensor x) -> bad.apply(new Tensor[] {x}).sum()).apply(Tensor.of(1, 2)));
        assertTrue(e.getMessage().contains("customVjp") && e.getMessage().contains("[2]"), e.getMessage());
    }
}
