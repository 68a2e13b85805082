package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.check.CheckResult;
import dev.cotangent.check.GradCheck;
import dev.cotangent.check.Tolerance;
import dev.cotangent.custom.Jit;
import dev.cotangent.graph.compile.Call;
import dev.cotangent.graph.compile.Program;
import dev.cotangent.tensor.Shape;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A {@link Loop#scan} inside a jitted function runs as a loop over its step's compiled program, and its gradient
 * as a loop over the step's compiled adjoint: the step is staged once whatever the number of steps, and the Java
 * step is not called again once compiled. Values and derivatives against eager mode, finite differences, the
 * dot-product test and a closed form.
 */
class JitScanTest {
    private static final Tolerance SAME = new Tolerance(1e-12, 1e-14);
    private static final BiFunction<Tensor, Tensor, Tensor> STEP = (x, th) -> x.mul(th).sin().add(x.mul(0.5));

    private static void same(String what, Tensor expected, Tensor actual) {
        CheckResult r = SAME.compare(what, expected.value(), actual.value());
        assertTrue(r.passed(), r.toString());
    }

    /** x_K of the scan from x₀ = v[0:3], θ = v[3:6]. */
    private static Tensor scanOf(Tensor v, BiFunction<Tensor, Tensor, Tensor> step, int steps, int snapshots) {
        return Loop.scan(step, Ops.slice(v, 0, 0, 3), Ops.slice(v, 0, 3, 6), steps, Checkpoints.binomial(snapshots));
    }

    private static Function<Tensor, Tensor> one(Function<Tensor[], Tensor[]> j) {
        return x -> j.apply(new Tensor[] {x})[0];
    }

    @Test
    void theLoopIsStagedAsOneNodeAndItsStepIsNotCalledAgainOnceCompiled() {
        AtomicInteger calls = new AtomicInteger();
        BiFunction<Tensor, Tensor, Tensor> counted = (x, th) -> {
            calls.incrementAndGet();
            return STEP.apply(x, th);
        };
        Jit few = (Jit) AD.jit(in -> new Tensor[] {scanOf(in[0], counted, 10, 3)});
        Jit many = (Jit) AD.jit(in -> new Tensor[] {scanOf(in[0], counted, 1000, 3)});
        Program p10 = few.program(Shape.of(6));
        Program p1000 = many.program(Shape.of(6));
        assertEquals(p10.graph().opCount(), p1000.graph().opCount(), "the staged graph must not grow with the steps");
        assertTrue(p1000.steps().stream().anyMatch(s -> s instanceof Call c && c.node().primitive().name().equals("scan")),
                p1000.listing());
        Tensor v = Tensor.of(0.3, -0.2, 0.7, 1.1, 0.9, -0.4);
        many.apply(new Tensor[] {v});
        int afterFirst = calls.get();
        Tensor again = many.apply(new Tensor[] {v})[0];
        many.apply(new Tensor[] {v});
        assertEquals(afterFirst, calls.get(), "a compiled scan must not call the Java step");
        same("1000 steps", scanOf(v, STEP, 1000, 3), again);
        // the gradient: one scan-adjoint node, run by the compiled adjoint of the step
        Jit grad = (Jit) AD.jit(in -> new Tensor[] {AD.grad((Tensor x) -> scanOf(x, counted, 1000, 3).sum()).apply(in[0])});
        assertTrue(grad.program(Shape.of(6)).steps().stream()
                .anyMatch(s -> s instanceof Call c && c.node().primitive().name().equals("scan-adjoint")));
        Tensor g = grad.apply(new Tensor[] {v})[0];
        int afterGrad = calls.get();
        same("gradient of 1000 steps", g, grad.apply(new Tensor[] {v})[0]);
        assertEquals(afterGrad, calls.get(), "a compiled scan's reversal must not call the Java step");
        same("gradient of 1000 steps against eager", AD.grad((Tensor x) -> scanOf(x, STEP, 1000, 3).sum()).apply(v), g);
    }

    @Test
    void valuesAndGradientsEqualEagerMode() {
        Tensor v = Tensor.of(0.3, -0.2, 0.7, 1.1, 0.9, -0.4);
        for (int snapshots : new int[] {1, 3, 40}) {
            Function<Tensor, Tensor> loss = x -> scanOf(x, STEP, 37, snapshots).square().sum();
            Function<Tensor[], Tensor[]> vg = AD.jit(in -> {
                ValueAndGrad r = AD.valueAndGrad(loss, in[0]);
                return new Tensor[] {r.value(), r.grad()};
            });
            Tensor[] jitted = vg.apply(new Tensor[] {v});
            ValueAndGrad eager = AD.valueAndGrad(loss, v);
            same("value, " + snapshots + " snapshots", eager.value(), jitted[0]);
            same("gradient, " + snapshots + " snapshots", eager.grad(), jitted[1]);
            // grad(jit(f)) reaches the same numbers through the jitted VJP program
            same("grad of jit, " + snapshots + " snapshots", eager.grad(),
                    AD.grad(one(AD.jit(in -> new Tensor[] {loss.apply(in[0])}))).apply(v));
        }
    }

    @Test
    void derivativesAgreeWithFiniteDifferencesAndForwardWithReverse() {
        Function<Tensor, Tensor> jf = one(AD.jit(in -> new Tensor[] {scanOf(in[0], STEP, 12, 2)}));
        SplittableRandom r = new SplittableRandom(5);
        Tensor v = GradCheck.random(r, 6);
        same("values", scanOf(v, STEP, 12, 2), jf.apply(v));
        for (CheckResult c : GradCheck.all(jf, v, r)) assertTrue(c.passed(), c.toString());
    }

    @Test
    void aLinearRecurrenceHasItsClosedFormGradient() {
        // x_{k+1} = θ x_k: x_K = θ^K x₀, ∂/∂x₀ = θ^K, ∂/∂θ = K θ^(K-1) x₀
        int steps = 25;
        double x0 = 0.8;
        double theta = 1.03;
        Function<Tensor[], Tensor[]> g = AD.jit(in -> AD.grad((Tensor[] a) -> Loop.scan(Tensor::mul, a[0], a[1], steps,
                Checkpoints.binomial(3))).apply(in));
        Tensor[] got = g.apply(new Tensor[] {Tensor.scalar(x0), Tensor.scalar(theta)});
        assertEquals(Math.pow(theta, steps), got[0].item(), 1e-13);
        assertEquals(steps * Math.pow(theta, steps - 1) * x0, got[1].item(), 1e-12);
    }

    @Test
    void aScalarStateRunsOnDoublesWithEagerModesValuesAndGradients() {
        BiFunction<Tensor, Tensor, Tensor> step = (x, th) -> x.sub(x.mul(th.sub(x.mul(x))).mul(-400)
                .sub(x.neg().add(1).mul(2)).mul(1e-4));
        Function<Tensor[], Tensor> loop = in -> Loop.scan(step, in[0], in[1], 500, Checkpoints.binomial(7));
        Function<Tensor[], Tensor[]> vg = AD.jit(in -> {
            ValueAndGradList r = AD.valueAndGrad(loop, in);
            return new Tensor[] {r.value(), r.grads().get(0), r.grads().get(1)};
        });
        Tensor[] args = {Tensor.scalar(0.5), Tensor.scalar(1.2)};
        ValueAndGradList eager = AD.valueAndGrad(loop, args);
        Tensor[] jitted = vg.apply(args);
        same("value", eager.value(), jitted[0]);
        same("d/dx0", eager.grads().get(0), jitted[1]);
        same("d/dtheta", eager.grads().get(1), jitted[2]);
        Function<Tensor, Tensor> inTheta = one(AD.jit(in -> new Tensor[] {loop.apply(new Tensor[] {Tensor.scalar(0.5), in[0]})}));
        for (CheckResult c : GradCheck.all(inTheta, Tensor.scalar(1.2), new SplittableRandom(2))) {
            assertTrue(c.passed(), c.toString());
        }
    }

    @Test
    void vmapOfTheGradientOfAJittedScanEqualsALoopOverTheExamples() {
        Function<Tensor, Tensor> loss = one(AD.jit(in -> new Tensor[] {scanOf(in[0], STEP, 9, 2).square().sum()}));
        Tensor batch = Tensor.uniform(11, 4, 6);
        Tensor grads = AD.vmap(AD.grad(loss)).apply(batch);
        for (int k = 0; k < 4; k++) {
            Tensor row = Tensor.from(batch.value().slice(0, k, k + 1).reshape(6));
            same("example " + k, AD.grad((Tensor x) -> scanOf(x, STEP, 9, 2).square().sum()).apply(row),
                    Tensor.from(grads.value().slice(0, k, k + 1).reshape(6)));
        }
    }
}
