package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.graph.AdjointTable;
import dev.cotangent.graph.Dot;
import dev.cotangent.graph.Evaluator;
import dev.cotangent.graph.Graph;
import dev.cotangent.graph.Listing;
import dev.cotangent.graph.Node;
import dev.cotangent.graph.TangentTable;
import dev.cotangent.graph.pass.CommonSubexpressions;
import dev.cotangent.graph.pass.ConstantFolding;
import dev.cotangent.graph.pass.DeadCode;
import dev.cotangent.primitive.SinCos;
import dev.cotangent.tensor.NDArray;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A primitive with two results (sinCos) through every trace and the graph, against closed forms: s = sin x,
 * c = cos x, ds/dx = c, dc/dx = −s.
 */
class SeveralResultsTest {
    private static final double[] X = {0.3, -1.2, 2.0};

    private static double[] map(java.util.function.DoubleUnaryOperator f) {
        double[] r = new double[X.length];
        for (int i = 0; i < X.length; i++) r[i] = f.applyAsDouble(X[i]);
        return r;
    }

    @Test
    void evaluatesBothResults() {
        Tensor[] sc = Ops.sinCos(Tensor.of(X));
        assertEquals(2, sc.length);
        assertArrayEquals(map(Math::sin), sc[0].toArray(), 0);
        assertArrayEquals(map(Math::cos), sc[1].toArray(), 0);
    }

    @Test
    void bindingItAsOneResultIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ops.apply(SinCos.INSTANCE, Tensor.of(X)));
        assertTrue(e.getMessage().contains("sincos") && e.getMessage().contains("2 results"), e.getMessage());
    }

    @Test
    void forwardModeGivesATangentPerResult() {
        Tensor v = Tensor.of(1, 2, -1);
        Tensor ts = AD.jvp(x -> Ops.sinCos(x)[0], Tensor.of(X), v).tangent();
        Tensor tc = AD.jvp(x -> Ops.sinCos(x)[1], Tensor.of(X), v).tangent();
        double[] vv = v.toArray();
        for (int i = 0; i < X.length; i++) {
            assertEquals(Math.cos(X[i]) * vv[i], ts.toArray()[i], 1e-15);
            assertEquals(-Math.sin(X[i]) * vv[i], tc.toArray()[i], 1e-15);
        }
    }

    @Test
    void reverseModeTakesACotangentPerResultAndZeroForAnUnusedOne() {
        // f = Σ s² + c: ∂f/∂x = 2 s c − s
        Tensor g = AD.grad(x -> {
            Tensor[] sc = Ops.sinCos(x);
            return sc[0].mul(sc[0]).add(sc[1]).sum();
        }).apply(Tensor.of(X));
        assertArrayEquals(map(x -> 2 * Math.sin(x) * Math.cos(x) - Math.sin(x)), g.toArray(), 1e-15);
        // only the cosine used: the sine's cotangent is a symbolic zero
        Tensor gc = AD.grad(x -> Ops.sinCos(x)[1].sum()).apply(Tensor.of(X));
        assertArrayEquals(map(x -> -Math.sin(x)), gc.toArray(), 1e-15);
        Tensor gs = AD.grad(x -> Ops.sinCos(x)[0].sum()).apply(Tensor.of(X));
        assertArrayEquals(map(Math::cos), gs.toArray(), 1e-15);
    }

    @Test
    void secondDerivativesBothWays() {
        // f = Σ s·c = Σ sin(2x)/2: f'' = −2 sin 2x
        Function<Tensor, Tensor> f = x -> {
            Tensor[] sc = Ops.sinCos(x);
            return sc[0].mul(sc[1]).sum();
        };
        Tensor h = AD.hessian(f).apply(Tensor.of(X));
        Tensor rr = AD.jacrev(AD.grad(f)).apply(Tensor.of(X));
        for (int i = 0; i < X.length; i++) {
            for (int j = 0; j < X.length; j++) {
                double want = i == j ? -2 * Math.sin(2 * X[i]) : 0;
                assertEquals(want, h.value().get(i, j), 1e-14);
                assertEquals(want, rr.value().get(i, j), 1e-14);
            }
        }
    }

    @Test
    void vmapBatchesBothResults() {
        Function<Tensor, Tensor> f = x -> {
            Tensor[] sc = Ops.sinCos(x);
            return sc[0].sub(sc[1].mul(2));
        };
        Tensor xs = Tensor.of(new double[][] {{0.1, 0.2}, {-1, 3}, {2, 0}});
        Tensor got = AD.vmap(f).apply(xs);
        for (int k = 0; k < 3; k++) {
            double[] row = f.apply(Tensor.of(xs.value().get(k, 0), xs.value().get(k, 1))).toArray();
            assertArrayEquals(row, new double[] {got.value().get(k, 0), got.value().get(k, 1)}, 0);
        }
    }

    @Test
    void stagedAsOneNodeWithTwoResults() {
        Graph g = AD.stage(in -> Ops.sinCos(in[0]), Tensor.scalar(0));
        assertEquals(1, g.opCount());
        Node n = g.nodes().get(0);
        assertEquals(2, n.results());
        assertEquals(n.ids(), g.outputs());
        assertTrue(Listing.render(g).contains("(x2, x3) = sincos(x1)"), Listing.render(g));
        Tensor[] out = Evaluator.run(g, Tensor.scalar(0.7));
        assertEquals(Math.sin(0.7), out[0].item(), 0);
        assertEquals(Math.cos(0.7), out[1].item(), 0);
        String dot = Dot.render(AD.stage(in -> new Tensor[] {Ops.sinCos(in[0])[1].mul(in[0])}, Tensor.scalar(0)));
        assertTrue(dot.contains("taillabel=\"2\""), dot);
    }

    @Test
    void stagedGradientOfATwoResultProgramRunsToTheClosedForm() {
        Function<Tensor, Tensor> f = x -> {
            Tensor[] sc = Ops.sinCos(x);
            return sc[0].mul(sc[1]);
        };
        Graph g = AD.stage(in -> new Tensor[] {AD.grad(f).apply(in[0])}, Tensor.scalar(0));
        assertEquals(Math.cos(2 * 0.4), Evaluator.run(g, Tensor.scalar(0.4))[0].item(), 1e-15);
    }

    @Test
    void passesHandleSeveralResults() {
        // two identical sincos merge; only the cosine of the second is used, so the node stays live
        Graph g = AD.stage(in -> new Tensor[] {Ops.sinCos(in[0])[0].add(Ops.sinCos(in[0])[1])}, Tensor.scalar(0));
        assertEquals(3, g.opCount());
        Graph cse = DeadCode.INSTANCE.apply(CommonSubexpressions.INSTANCE.apply(g));
        assertEquals(2, cse.opCount());
        assertEquals(Math.sin(1.1) + Math.cos(1.1), Evaluator.run(cse, Tensor.scalar(1.1))[0].item(), 0);
        Graph onlyCos = DeadCode.INSTANCE.apply(AD.stage(in -> new Tensor[] {Ops.sinCos(in[0])[1]}, Tensor.scalar(0)));
        assertEquals(1, onlyCos.opCount());
        // sincos of a constant folds to two constants
        Graph folded = ConstantFolding.INSTANCE.apply(AD.stage(in -> {
            Tensor[] sc = Ops.sinCos(Tensor.scalar(0.5));
            return new Tensor[] {in[0].mul(sc[0]).add(sc[1])};
        }, Tensor.scalar(0)));
        assertTrue(folded.nodes().stream().noneMatch(n -> n.primitive() == SinCos.INSTANCE), Listing.render(folded));
        assertEquals(2 * Math.sin(0.5) + Math.cos(0.5), Evaluator.run(folded, Tensor.scalar(2))[0].item(), 1e-15);
    }

    @Test
    void lectureTablesHaveARowPerResult() {
        // f = s·c at x = 0.4: df/dx = cos²x − sin²x = cos 2x
        Graph g = AD.stage(in -> {
            Tensor[] sc = Ops.sinCos(in[0]);
            return new Tensor[] {sc[0].mul(sc[1])};
        }, Tensor.scalar(0));
        NDArray[] values = Evaluator.values(g, NDArray.scalar(0.4));
        TangentTable t = TangentTable.of(g, values, 0);
        AdjointTable a = AdjointTable.of(g, values, 0, "f");
        int s = g.nodes().get(0).ids().get(0);
        int c = g.nodes().get(0).ids().get(1);
        assertEquals(Math.cos(0.4), t.tangent(s), 1e-15);
        assertEquals(-Math.sin(0.4), t.tangent(c), 1e-15);
        assertEquals(Math.cos(0.8), t.tangent(g.outputs().get(0)), 1e-15);
        assertEquals(Math.cos(0.8), a.adjoint(g.inputs().get(0).id()), 1e-15);
        assertNotNull(a.render());
    }
}
