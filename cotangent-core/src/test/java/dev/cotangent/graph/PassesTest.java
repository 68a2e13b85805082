package dev.cotangent.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.graph.pass.CommonSubexpressions;
import dev.cotangent.graph.pass.ConstantFolding;
import dev.cotangent.graph.pass.DeadCode;
import dev.cotangent.graph.pass.Pass;
import dev.cotangent.graph.pass.Pipeline;
import dev.cotangent.primitive.Add;
import dev.cotangent.primitive.Exp;
import dev.cotangent.primitive.Mul;
import dev.cotangent.primitive.Sub;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every pass keeps the graph's values, bit for bit, on random programs and random inputs. */
class PassesTest {
    static final List<Pass> PASSES = List.of(DeadCode.INSTANCE, CommonSubexpressions.INSTANCE,
            ConstantFolding.INSTANCE, Pipeline.standard());

    @Test
    void passesPreserveValuesOnRandomInputs() {
        Random r = new Random(11);
        int shrunk = 0;
        for (long seed = 0; seed < 40; seed++) {
            Function<Tensor[], Tensor[]> f = RandomPrograms.program(seed, 40);
            Graph g = AD.stage(f, RandomPrograms.randomInputs(r));
            for (Pass p : PASSES) {
                Graph h = p.apply(g);
                assertEquals(g.inputs(), h.inputs());
                assertTrue(h.opCount() <= g.opCount());
                for (int t = 0; t < 5; t++) {
                    Tensor[] in = RandomPrograms.randomInputs(r);
                    assertEquals(Evaluator.run(g, in)[0].item(), Evaluator.run(h, in)[0].item(), 0.0,
                            p + " changed the value of program " + seed);
                }
            }
            if (Pipeline.standard().apply(g).opCount() < g.opCount()) shrunk++;
        }
        assertTrue(shrunk > 30, "the passes should shrink most random programs, shrank " + shrunk);
    }

    @Test
    void passesPreserveStagedGradients() {
        Random r = new Random(12);
        for (long seed = 0; seed < 20; seed++) {
            Function<Tensor[], Tensor[]> f = RandomPrograms.program(seed, 30);
            Graph g = AD.stage(in -> StageTest.gradOf(f, in), RandomPrograms.randomInputs(r));
            for (Pass p : PASSES) {
                Graph h = p.apply(g);
                Tensor[] in = RandomPrograms.randomInputs(r);
                Tensor[] a = Evaluator.run(g, in);
                Tensor[] b = Evaluator.run(h, in);
                assertArrayEquals(a[0].toArray(), b[0].toArray(), 0.0);
                assertArrayEquals(a[1].toArray(), b[1].toArray(), 0.0);
            }
        }
    }

    @Test
    void deadCodeDropsUnusedNodesAndConstantsButKeepsInputs() {
        Graph g = AD.stage(in -> {
            in[0].exp().add(Tensor.scalar(7)); // unused
            return new Tensor[] {in[0].sin()};
        }, Tensor.scalar(1), Tensor.scalar(2));
        Graph h = DeadCode.INSTANCE.apply(g);
        assertEquals(3, g.opCount());
        assertEquals(1, h.opCount());
        assertEquals(0, h.constants().size());
        assertEquals(2, h.inputs().size());
        assertSame(h, DeadCode.INSTANCE.apply(h));
    }

    @Test
    void cseMergesEqualCallsAndCommutedOperands() {
        Graph g = AD.stage(in -> {
            Tensor a = in[0].mul(in[1]);
            Tensor b = in[1].mul(in[0]);
            Tensor c = in[0].sub(in[1]);
            Tensor d = in[1].sub(in[0]); // not commutative: stays
            Tensor s1 = Ops.sum(in[0], false, 0);
            Tensor s2 = Ops.sum(in[0], true, 0); // different params: stays
            return new Tensor[] {a.add(b).add(c).add(d).add(s1), s2};
        }, Tensor.of(1, 2), Tensor.of(3, 4));
        Graph h = DeadCode.INSTANCE.apply(CommonSubexpressions.INSTANCE.apply(g));
        assertEquals(g.opCount() - 1, h.opCount());
    }

    @Test
    void foldingDropsNeutralOps() {
        // concrete subterms are computed while staging, so only the ops on x1 are recorded
        Graph g = AD.stage(in -> new Tensor[] {
            in[0].mul(Ops.exp(Tensor.scalar(0)).mul(Tensor.scalar(2))).div(Tensor.scalar(1)).sub(Tensor.scalar(0))},
            Tensor.scalar(1));
        Graph h = Pipeline.standard().apply(g);
        assertEquals(3, g.opCount());
        assertEquals(1, h.opCount()); // x1 * 2
        assertEquals(2, h.constants().get(0).value().item());
    }

    @Test
    void foldingComputesNodesWhoseOperandsAreAllConstants() {
        // such nodes appear in graphs built or rewritten by hand: x1 * exp(c0) + (c0 - c1)
        Graph g = new Graph(List.of(new Input(0, "x", Shape.scalar())),
                List.of(new Constant(1, NDArray.scalar(0.5)), new Constant(2, NDArray.scalar(2))),
                List.of(new Node(3, Exp.INSTANCE, List.of(1), Shape.scalar()),
                        new Node(4, Mul.INSTANCE, List.of(0, 3), Shape.scalar()),
                        new Node(5, Sub.INSTANCE, List.of(1, 2), Shape.scalar()),
                        new Node(6, Add.INSTANCE, List.of(4, 5), Shape.scalar())),
                List.of(6));
        Graph h = Pipeline.standard().apply(g);
        assertEquals(2, h.opCount());
        assertEquals(Evaluator.run(g, Tensor.scalar(3))[0].item(), Evaluator.run(h, Tensor.scalar(3))[0].item(), 0.0);
    }

    @Test
    void foldingKeepsTheSignOfZero() {
        // x - (-0) is not x when x = -0 (it is +0), so it must stay
        Graph g = AD.stage(in -> new Tensor[] {in[0].sub(Tensor.scalar(-0.0))}, Tensor.scalar(1));
        Graph h = Pipeline.standard().apply(g);
        assertEquals(1, h.opCount());
        assertEquals(Double.doubleToLongBits(0.0),
                Double.doubleToLongBits(Evaluator.run(h, Tensor.scalar(-0.0))[0].item()));
    }
}
