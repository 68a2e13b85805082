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
        // f(x) = x with the rule x̄ = ȳ·x² (not f's derivative): the gradient of Σf is x², the Hessian diag(2x)
        Function<Tensor[], Tensor> g = AD.customVjp(xs -> xs[0], (in, out, ct) -> new Tensor[] {ct.mul(in[0].square())});
        Tensor x = Tensor.of(-1, 0.25);
        Function<Tensor, Tensor> sum = t -> g.apply(new Tensor[] {t}).sum();
        assertArrayEquals(new double[] {1, 0.0625}, AD.grad(sum).apply(x).toArray(), 0.0);
        assertArrayEquals(new double[] {-2, 0, 0, 0.5}, AD.jacrev(AD.grad(sum)).apply(x).toArray(), 0.0);
    }

    @Test
    void gradientThroughVmapStillUsesTheRule() {
        // reverse mode outside vmap: the batched copy of the primitive carries the rule (softplus at 800 would give
        // NaN through the naive function's own derivative)
        Tensor xs = Tensor.of(new double[][] {{800}, {0.5}});
        Tensor g = AD.grad((Tensor w) -> AD.vmap(x -> SOFTPLUS.apply(new Tensor[] {x.mul(w)})).apply(xs).sum())
                .apply(Tensor.scalar(1));
        assertEquals(800 * 1.0 + 0.5 / (1 + Math.exp(-0.5)), g.item(), 1e-12);
        // the straight-through round inside vmap, w shared by the batch: Σ_b ∂/∂w round(w·x_b)·x_b with round' := 1
        Function<Tensor[], Tensor> round = AD.customVjp(a -> Ops.floor(a[0].add(0.5)), (in, out, ct) -> new Tensor[] {ct});
        Tensor g2 = AD.grad((Tensor w) -> AD.vmap(x -> round.apply(new Tensor[] {x.mul(w)})).apply(Tensor.of(new double[][] {{0.3}, {1.7}})).sum())
                .apply(Tensor.scalar(1));
        assertEquals(0.3 + 1.7, g2.item(), 1e-15);
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
