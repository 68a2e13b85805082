package dev.cotangent.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.graph.pass.Pipeline;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** AD.stage: shape-only recording, composition with the other transforms, and the evaluator. */
class StageTest {

    /** The gradient of a random program with respect to both of its inputs, by reverse mode. */
    static Tensor[] gradOf(Function<Tensor[], Tensor[]> f, Tensor[] in) {
        Map<String, Tensor> params = new LinkedHashMap<>();
        params.put("v", in[0]);
        params.put("s", in[1]);
        Map<String, Tensor> g = AD.grad(p -> f.apply(new Tensor[] {p.get("v"), p.get("s")})[0], params);
        return new Tensor[] {g.get("v"), g.get("s")};
    }

    @Test
    void stagedProgramRunsLikeTheFunction() {
        Random r = new Random(1);
        for (long seed = 0; seed < 20; seed++) {
            Function<Tensor[], Tensor[]> f = RandomPrograms.program(seed, 30);
            Tensor[] ex = RandomPrograms.randomInputs(r);
            Graph g = AD.stage(f, ex);
            for (int t = 0; t < 3; t++) {
                Tensor[] in = RandomPrograms.randomInputs(r);
                assertEquals(f.apply(in)[0].item(), Evaluator.run(g, in)[0].item(), 0.0, "seed " + seed);
            }
        }
    }

    @Test
    void stagedGradientEvaluatesToTheGradient() {
        Random r = new Random(2);
        for (long seed = 0; seed < 20; seed++) {
            Function<Tensor[], Tensor[]> f = RandomPrograms.program(seed, 25);
            Graph g = AD.stage(in -> gradOf(f, in), RandomPrograms.randomInputs(r));
            Graph opt = Pipeline.standard().apply(g);
            assertTrue(opt.opCount() <= g.opCount());
            for (int t = 0; t < 3; t++) {
                Tensor[] in = RandomPrograms.randomInputs(r);
                Tensor[] expected = gradOf(f, in);
                for (Graph h : new Graph[] {g, opt}) {
                    Tensor[] got = Evaluator.run(h, in);
                    assertArrayEquals(expected[0].toArray(), got[0].toArray(), 1e-12, "seed " + seed);
                    assertEquals(expected[1].item(), got[1].item(), 1e-12, "seed " + seed);
                }
            }
        }
    }

    @Test
    void stagedGradientOfTheSeedIsSmall() {
        Function<Tensor[], Tensor[]> f = in -> new Tensor[] {
            in[1].mul(Ops.log(in[0])).add(Ops.sqrt(in[1].mul(Ops.log(in[0]))))};
        Graph fg = Pipeline.standard().apply(AD.stage(f, Tensor.scalar(2), Tensor.scalar(3)));
        Graph gg = Pipeline.standard().apply(AD.stage(in -> {
            Tensor[] gr = AD.grad((Tensor x, Tensor y) -> f.apply(new Tensor[] {x, y})[0]).apply(in[0], in[1]);
            return gr;
        }, Tensor.scalar(2), Tensor.scalar(3)));
        assertEquals(4, fg.opCount());
        assertTrue(gg.opCount() <= 3 * fg.opCount(), Listing.render(gg));
        Tensor[] g = Evaluator.run(gg, Tensor.scalar(2), Tensor.scalar(3));
        assertEquals(SeedTablesTest.DFDX, g[0].item(), 1e-15);
        assertEquals(SeedTablesTest.DFDY, g[1].item(), 1e-15);
    }

    @Test
    void theEvaluatorIsDifferentiable() {
        Function<Tensor[], Tensor[]> f = RandomPrograms.program(7, 30);
        Random r = new Random(3);
        Graph g = AD.stage(f, RandomPrograms.randomInputs(r));
        Tensor[] in = RandomPrograms.randomInputs(r);
        Tensor[] viaGraph = gradOf(x -> Evaluator.run(g, x), in);
        Tensor[] direct = gradOf(f, in);
        assertArrayEquals(direct[0].toArray(), viaGraph[0].toArray(), 0.0);
        assertEquals(direct[1].item(), viaGraph[1].item(), 0.0);
        // and forward mode through the evaluator: d/dt f(v, s + t)
        Tensor v = in[0];
        double jv = AD.jvp(s -> Evaluator.run(g, v, s)[0], in[1], Tensor.scalar(1)).tangent().item();
        assertEquals(direct[1].item(), jv, 1e-12);
    }

    @Test
    void stagedHessianMatchesTheHessian() {
        Function<Tensor, Tensor> f = x -> Ops.sum(Ops.mul(Ops.sin(x), Ops.exp(Ops.mul(x, x.sum()))));
        Tensor x = Tensor.of(0.3, -0.2, 0.5);
        Graph g = AD.stage(in -> new Tensor[] {AD.hessian(f).apply(in[0])}, x);
        assertArrayEquals(AD.hessian(f).apply(x).toArray(), Evaluator.run(g, x)[0].toArray(), 1e-12);
        assertArrayEquals(new int[] {3, 3}, g.nodes().get(g.nodes().size() - 1).shape().dims());
    }

    @Test
    void perturbationConfusionStaysAbsentWhenStaged() {
        // d/dx [ x * d/dy (x + y) ] = 1
        Function<Tensor, Tensor> inner = x -> x.mul(AD.grad((Tensor y) -> x.add(y)).apply(Tensor.scalar(5)));
        Graph g = AD.stage(in -> new Tensor[] {AD.grad(inner).apply(in[0])}, Tensor.scalar(0));
        assertEquals(1.0, Evaluator.run(g, Tensor.scalar(3))[0].item(), 0.0);
    }

    @Test
    void valuesOfStagedTensorsAreRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AD.stage(in -> new Tensor[] {in[0].item() > 0 ? in[0] : in[0].neg()}, Tensor.scalar(1)));
        assertTrue(e.getMessage().contains("cannot be staged"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> AD.stage(in -> {
            in[0].toArray();
            return in;
        }, Tensor.of(1, 2)));
    }

    @Test
    void gradChecksScalarOutputsUsingShapesOnly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AD.stage(in -> new Tensor[] {AD.grad((Tensor x) -> x.mul(x)).apply(in[0])}, Tensor.of(1, 2)));
        assertTrue(e.getMessage().contains("scalar"), e.getMessage());
    }

    @Test
    void leakedStageTracersAreCaught() {
        Tensor[] leak = new Tensor[1];
        AD.stage(in -> {
            leak[0] = in[0];
            return in;
        }, Tensor.scalar(1));
        assertThrows(IllegalStateException.class, () -> leak[0].add(Tensor.scalar(1)));
    }

    @Test
    void outerTracersCannotBeClosedOver() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AD.grad((Tensor x) -> {
            Graph g = AD.stage(in -> new Tensor[] {in[0].mul(x)}, Tensor.scalar(1));
            return Evaluator.run(g, x)[0];
        }).apply(Tensor.scalar(2)));
        assertTrue(e.getMessage().contains("pass that tensor"), e.getMessage());
    }

    @Test
    void outputsMayBeInputsOrConstants() {
        Graph g = AD.stage(in -> new Tensor[] {in[0], Tensor.scalar(4), in[0].mul(in[1])},
                Tensor.scalar(1), Tensor.of(1, 2));
        Tensor[] out = Evaluator.run(g, Tensor.scalar(3), Tensor.of(5, 6));
        assertEquals(3, out[0].item());
        assertEquals(4, out[1].item());
        assertArrayEquals(new double[] {15, 18}, out[2].toArray());
        assertEquals(1, g.opCount());
    }

    @Test
    void evaluatorChecksInputs() {
        Graph g = AD.stage(in -> new Tensor[] {in[0].exp()}, Tensor.of(1, 2));
        assertThrows(IllegalArgumentException.class, () -> Evaluator.run(g, Tensor.scalar(1)));
        assertThrows(IllegalArgumentException.class, () -> Evaluator.run(g));
    }
}
