package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.check.CheckResult;
import dev.cotangent.check.GradCheck;
import dev.cotangent.check.Tolerance;
import dev.cotangent.custom.Jit;
import dev.cotangent.graph.compile.Program;
import dev.cotangent.tensor.Shape;
import dev.cotangent.trace.ValueDependenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** AD.jit (issue 12): same values as eager, composition with the transforms, the cache, threads, the listing. */
class JitTest {
    private static final Tolerance SAME = new Tolerance(1e-12, 1e-14);

    /** Rosenbrock, vectorised: Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)². */
    static Tensor rosenbrock(Tensor x) {
        int n = x.size();
        Tensor a = Ops.slice(x, 0, 0, n - 1);
        Tensor b = Ops.slice(x, 0, 1, n);
        return b.sub(a.square()).square().mul(100).add(a.neg().add(1).square()).sum();
    }

    /** The closed-form gradient of {@link #rosenbrock}. */
    static double[] rosenbrockGrad(double[] x) {
        int n = x.length;
        double[] g = new double[n];
        for (int i = 0; i < n - 1; i++) {
            double t = x[i + 1] - x[i] * x[i];
            g[i] += -400 * t * x[i] - 2 * (1 - x[i]);
            g[i + 1] += 200 * t;
        }
        return g;
    }

    private static Function<Tensor, Tensor> one(Function<Tensor[], Tensor[]> j) {
        return x -> j.apply(new Tensor[] {x})[0];
    }

    private static void same(String what, Tensor expected, Tensor actual) {
        CheckResult r = SAME.compare(what, expected.value(), actual.value());
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void vectorisedRosenbrockValueAndGradientMatchEagerAndTheClosedForm() {
        Tensor x = Tensor.uniform(7, 1000);
        Function<Tensor[], Tensor[]> vg = AD.jit(in -> {
            ValueAndGrad r = AD.valueAndGrad(JitTest::rosenbrock, in[0]);
            return new Tensor[] {r.value(), r.grad()};
        });
        Tensor[] out = vg.apply(new Tensor[] {x});
        ValueAndGrad eager = AD.valueAndGrad(JitTest::rosenbrock, x);
        same("value", eager.value(), out[0]);
        same("gradient", eager.grad(), out[1]);
        assertArrayEquals(rosenbrockGrad(x.toArray()), out[1].toArray(), 1e-9);
        // grad of the jitted function: forward and backward both compiled
        Tensor g = AD.grad(one(AD.jit(in -> new Tensor[] {rosenbrock(in[0])}))).apply(x);
        assertArrayEquals(rosenbrockGrad(x.toArray()), g.toArray(), 1e-9);
    }

    @Test
    void aFusedChainWithBroadcastingAndASumIsOneLoop() {
        Jit j = Jit.of(in -> new Tensor[] {in[0].mul(in[1]).add(1).tanh().exp().sum(), in[0].sub(in[1]).abs()});
        Program p = j.program(Shape.of(3, 4), Shape.of(4));
        assertEquals(1, p.kernels(), p.listing());
        assertEquals(0, p.calls(), p.listing());
        assertTrue(p.listing().contains("broadcast of [4]"), p.listing());
        Tensor x = Tensor.uniform(1, 3, 4);
        Tensor y = Tensor.uniform(2, 4);
        Tensor[] out = j.apply(new Tensor[] {x, y});
        same("sum", x.mul(y).add(1).tanh().exp().sum(), out[0]);
        same("abs", x.sub(y).abs(), out[1]);
    }

    @Test
    void anMlpLossKeepsMatmulsAsCallsAndFusesTheRest() {
        Function<Tensor[], Tensor> loss = p -> p[0].matmul(p[1]).add(p[2]).tanh().matmul(p[3]).sub(p[4]).square().mean();
        Tensor[] args = {Tensor.uniform(1, 8, 5), Tensor.uniform(2, 5, 6), Tensor.uniform(3, 6), Tensor.uniform(4, 6, 2),
            Tensor.uniform(5, 8, 2)};
        Jit j = Jit.of(p -> {
            ValueAndGradList r = AD.valueAndGrad(loss, p);
            List<Tensor> o = new ArrayList<>(List.of(r.value()));
            o.addAll(r.grads());
            return o.toArray(new Tensor[0]);
        });
        Tensor[] out = j.apply(args);
        ValueAndGradList eager = AD.valueAndGrad(loss, args);
        same("loss", eager.value(), out[0]);
        for (int i = 0; i < 5; i++) same("grad " + i, eager.grads().get(i), out[i + 1]);
        Program p = j.program(args[0].dims(), args[1].dims(), args[2].dims(), args[3].dims(), args[4].dims());
        assertTrue(p.kernels() >= 2 && p.calls() >= 4, p.listing());
    }

    @Test
    void aScalarProgramRunsAsOneStraightLineLoop() {
        int n = 50;
        Function<Tensor[], Tensor[]> f = xs -> {
            Tensor s = Tensor.scalar(0);
            for (int i = 0; i + 1 < n; i++) {
                Tensor t = xs[i + 1].sub(xs[i].mul(xs[i]));
                s = s.add(t.mul(t).mul(100)).add(Tensor.scalar(1).sub(xs[i]).square());
            }
            return new Tensor[] {s};
        };
        Tensor[] xs = new Tensor[n];
        for (int i = 0; i < n; i++) xs[i] = Tensor.scalar(Math.sin(i));
        Jit j = Jit.of(in -> {
            ValueAndGradList r = AD.valueAndGrad(a -> f.apply(a)[0], in);
            List<Tensor> o = new ArrayList<>(List.of(r.value()));
            o.addAll(r.grads());
            return o.toArray(new Tensor[0]);
        });
        Tensor[] out = j.apply(xs);
        Shape[] shapes = new Shape[n];
        java.util.Arrays.fill(shapes, Shape.scalar());
        Program p = j.program(shapes);
        assertEquals(1, p.kernels(), p.listing());
        assertTrue(p.listing().contains("scalar straight-line"), p.listing());
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.sin(i);
        double[] g = rosenbrockGrad(x);
        same("value", f.apply(xs)[0], out[0]);
        for (int i = 0; i < n; i++) assertEquals(g[i], out[i + 1].item(), 1e-9 * (1 + Math.abs(g[i])), "x" + i);
    }

    @Test
    void jvpVjpAndSecondDerivativesOfAJittedFunctionAgreeWithFiniteDifferencesAndEachOther() {
        Function<Tensor, Tensor> f = x -> x.sin().mul(x).add(x.square().sum()).exp().div(10);
        Function<Tensor, Tensor> jf = one(AD.jit(in -> new Tensor[] {f.apply(in[0])}));
        SplittableRandom r = new SplittableRandom(3);
        Tensor x = GradCheck.random(r, 4);
        same("values", f.apply(x), jf.apply(x));
        for (CheckResult c : GradCheck.all(jf, x, r)) assertTrue(c.passed(), c.toString());
        // hessian of jit: Σ x³ has Hessian diag(6x)
        Function<Tensor, Tensor> cube = one(AD.jit(in -> new Tensor[] {in[0].pow(3).sum()}));
        Tensor h = AD.hessian(cube).apply(Tensor.of(1, 2, 3));
        assertArrayEquals(new double[] {6, 0, 0, 0, 12, 0, 0, 0, 18}, h.toArray(), 1e-12);
    }

    @Test
    void vmapOfJitEqualsALoop() {
        Function<Tensor, Tensor> jf = one(AD.jit(in -> new Tensor[] {in[0].tanh().mul(in[0]).sum()}));
        Tensor xs = Tensor.uniform(9, 5, 3);
        Tensor batched = AD.vmap(jf).apply(xs);
        for (int k = 0; k < 5; k++) {
            Tensor row = Tensor.from(xs.value().slice(0, k, k + 1).reshape(3));
            assertEquals(jf.apply(row).item(), batched.toArray()[k], 1e-14);
        }
    }

    @Test
    void jitInsideAScanBodyIsDifferentiable() {
        Function<Tensor[], Tensor[]> step = AD.jit(in -> new Tensor[] {in[0].mul(in[1]).sin()});
        Function<Tensor, Tensor> f = th -> Loop.scan((x, t) -> step.apply(new Tensor[] {x, t})[0], Tensor.of(0.3, 0.5),
                th, 5, Checkpoints.all()).sum();
        Function<Tensor, Tensor> eager = th -> Loop.scan((x, t) -> x.mul(t).sin(), Tensor.of(0.3, 0.5), th, 5,
                Checkpoints.all()).sum();
        Tensor th = Tensor.of(1.1, 0.9);
        same("value", eager.apply(th), f.apply(th));
        same("gradient", AD.grad(eager).apply(th), AD.grad(f).apply(th));
    }

    @Test
    void controlFlowOnValuesIsRefusedNamingWhereItReads() {
        Function<Tensor[], Tensor[]> f = AD.jit(in -> new Tensor[] {in[0].item() > 0 ? in[0] : in[0].neg()});
        ValueDependenceException e = assertThrows(ValueDependenceException.class, () -> f.apply(new Tensor[] {Tensor.scalar(2)}));
        assertTrue(e.getMessage().startsWith("jit: cannot compile"), e.getMessage());
        assertTrue(e.getMessage().contains("JitTest"), e.getMessage());
        assertTrue(e.getMessage().contains("Ops.where"), e.getMessage());
    }

    @Test
    void theCacheCompilesOncePerShapesAndIsBounded() {
        Jit j = Jit.of(in -> new Tensor[] {in[0].exp()});
        j.apply(new Tensor[] {Tensor.uniform(1, 3)});
        j.apply(new Tensor[] {Tensor.uniform(2, 3)});
        assertEquals(1, j.compilations());
        assertEquals(1, j.hits());
        j.apply(new Tensor[] {Tensor.uniform(2, 4)});
        assertEquals(2, j.compilations());
        for (int n = 5; n < 5 + Jit.CACHE; n++) j.apply(new Tensor[] {Tensor.uniform(n, n)});
        j.apply(new Tensor[] {Tensor.uniform(3, 3)});      // [3] was evicted: compiled again
        assertEquals(2 + Jit.CACHE + 1, j.compilations());
    }

    @Test
    void threadsShareOneCompiledProgram() throws Exception {
        Jit j = Jit.of(in -> new Tensor[] {in[0].mul(in[0]).add(in[0].sin()).sum(), in[0].tanh()});
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                fs.add(pool.submit(() -> {
                    for (int k = 0; k < 100; k++) {
                        Tensor x = Tensor.uniform(seed * 1000 + k, 700);
                        Tensor[] out = j.apply(new Tensor[] {x});
                        if (out[0].item() != x.mul(x).add(x.sin()).sum().item()) return false;
                        if (!java.util.Arrays.equals(out[1].toArray(), x.tanh().toArray())) return false;
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : fs) assertTrue(f.get());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, j.compilations());
    }

    @Test
    void theBufferPlanReusesAnArrayOnlyLoopsRead() {
        // a [4] loop feeds a [3,4] loop by broadcasting: its result is read by loops only, so it gets a buffer
        Jit j = Jit.of(in -> new Tensor[] {in[0].exp().mul(2).add(in[1]).sum()});
        Program p = j.program(Shape.of(4), Shape.of(3, 4));
        assertTrue(p.listing().contains("(buffer 0)"), p.listing());
        Tensor x = Tensor.uniform(1, 4);
        Tensor y = Tensor.uniform(2, 3, 4);
        same("value", x.exp().mul(2).add(y).sum(), j.apply(new Tensor[] {x, y})[0]);
    }

    @Test
    void slicesAndPadsAreReadInPlaceByTheLoops() {
        // a 2-d slice product; its gradient pads along both axes (zeros in outer rows and inner columns)
        Function<Tensor, Tensor> f = x -> Ops.slice(x, new int[] {1, 0}, new int[] {3, 4})
                .mul(Ops.slice(x, new int[] {0, 1}, new int[] {2, 5})).sin().sum();
        Jit j = Jit.of(in -> {
            ValueAndGrad r = AD.valueAndGrad(f, in[0]);
            return new Tensor[] {r.value(), r.grad()};
        });
        Tensor x = Tensor.uniform(4, 4, 5);
        Tensor[] out = j.apply(new Tensor[] {x});
        ValueAndGrad eager = AD.valueAndGrad(f, x);
        same("value", eager.value(), out[0]);
        same("gradient", eager.grad(), out[1]);
        String listing = j.program(Shape.of(4, 5)).listing();
        assertTrue(listing.contains("slice of [4,5]") && listing.contains("pad of [2,4]"), listing);
        assertEquals(0, j.program(Shape.of(4, 5)).calls(), listing);
    }

    @Test
    void inputsAndConstantsMayBeOutputsAndWrongShapesAreRecompiledNotMisread() {
        Jit j = Jit.of(in -> new Tensor[] {in[0], Tensor.scalar(3), in[0].exp()});
        Tensor x = Tensor.of(1, 2);
        Tensor[] out = j.apply(new Tensor[] {x});
        assertArrayEquals(x.toArray(), out[0].toArray());
        assertEquals(3.0, out[1].item());
        same("exp", x.exp(), out[2]);
        Program p = j.program(Shape.of(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.run(dev.cotangent.tensor.NDArray.of(1, 2, 3)));
        assertTrue(e.getMessage().contains("[3]") && e.getMessage().contains("[2]"), e.getMessage());
        assertEquals(3, j.apply(new Tensor[] {Tensor.of(1, 2, 3)})[2].size());
        assertEquals(2, j.compilations());
    }
}
