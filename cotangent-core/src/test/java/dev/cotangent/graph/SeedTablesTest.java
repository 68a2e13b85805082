package dev.cotangent.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.graph.pass.Pipeline;
import dev.cotangent.tensor.NDArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lecture's worked example (seeds 000 and 001): f(x, y) = y·log x + sqrt(y·log x) at x = 2, y = 3, with
 * a = log x, b = y·a, c = sqrt b, f = b + c. The tables must give the slides' local partials and sums.
 */
class SeedTablesTest {
    static final double X = 2, Y = 3;
    static final double A = Math.log(X), B = Y * A, C = Math.sqrt(B);
    static final double DFDX = (Y / X) * (1 + 1 / (2 * Math.sqrt(B)));
    static final double DFDY = A * (1 + 1 / (2 * Math.sqrt(B)));
    static final double EPS = 1e-14;

    /** Staged as written (two copies of y·log x), then cleaned: CSE merges them into the lecture's DAG. */
    static Graph seedGraph() {
        Graph g = AD.stage(in -> {
            Tensor x = in[0], y = in[1];
            return new Tensor[] {y.mul(Ops.log(x)).add(Ops.sqrt(y.mul(Ops.log(x))))};
        }, Tensor.scalar(X), Tensor.scalar(Y));
        return Pipeline.standard().apply(g).withInputNames(List.of("x", "y"));
    }

    static NDArray[] seedValues(Graph g) {
        return Evaluator.values(g, NDArray.scalar(X), NDArray.scalar(Y));
    }

    @Test
    void stagingAndCseGiveTheLecturesDag() {
        Graph raw = AD.stage(in -> new Tensor[] {in[1].mul(Ops.log(in[0])).add(Ops.sqrt(in[1].mul(Ops.log(in[0]))))},
                Tensor.scalar(X), Tensor.scalar(Y));
        assertEquals(6, raw.opCount()); // log, mul, log, mul, sqrt, add
        Graph g = seedGraph();
        assertEquals(4, g.opCount());
        assertEquals("""
                    x1 = x
                    x2 = y
                    x3 = log(x1)
                    x4 = mul(x2, x3)
                    x5 = sqrt(x4)
                    x6 = add(x4, x5)    → f
                """, Listing.render(g, null, List.of("f")));
        NDArray[] v = seedValues(g);
        int[] ids = g.nodes().stream().mapToInt(Node::id).toArray();
        assertEquals(A, v[ids[0]].item(), EPS);
        assertEquals(B, v[ids[1]].item(), EPS);
        assertEquals(C, v[ids[2]].item(), EPS);
        assertEquals(B + C, v[ids[3]].item(), EPS);
    }

    @Test
    void forwardTableForXMatchesTheSlides() {
        Graph g = seedGraph();
        TangentTable t = TangentTable.of(g, seedValues(g), 0);
        List<ChainRow> r = t.rows();
        assertEquals(6, r.size());
        assertEquals(1, r.get(0).value());
        assertEquals(0, r.get(1).value());
        // ∂a/∂x = [1/x]·∂x/∂x
        assertTerms(r.get(2), new double[][] {{1 / X, 1}});
        assertEquals(1 / X, r.get(2).value(), EPS);
        // ∂b/∂x = [∂b/∂y = a]·∂y/∂x + [∂b/∂a = y]·∂a/∂x
        assertTerms(r.get(3), new double[][] {{A, 0}, {Y, 1 / X}});
        assertEquals(Y / X, r.get(3).value(), EPS);
        // ∂c/∂x = [1/(2√b)]·∂b/∂x
        assertTerms(r.get(4), new double[][] {{1 / (2 * Math.sqrt(B)), Y / X}});
        // ∂f/∂x = [1]·∂b/∂x + [1]·∂c/∂x
        assertTerms(r.get(5), new double[][] {{1, Y / X}, {1, Y / X / (2 * Math.sqrt(B))}});
        assertEquals(DFDX, r.get(5).value(), EPS);
        String text = t.render();
        assertTrue(text.contains("∂x4/∂x = [∂x4/∂x2]·∂x2/∂x + [∂x4/∂x3]·∂x3/∂x"), text);
        assertTrue(text.contains("= 0.693147 × 0 + 3 × 0.5 = 1.5"), text);
        assertTrue(text.contains("∂x6/∂x = [∂x6/∂x4]·∂x4/∂x + [∂x6/∂x5]·∂x5/∂x"), text);
        assertTrue(text.contains(" = 2.0201"), text);
    }

    @Test
    void forwardTableForYGivesTheOtherColumn() {
        Graph g = seedGraph();
        TangentTable t = TangentTable.of(g, seedValues(g), 1);
        assertEquals(DFDY, t.rows().get(5).value(), EPS);
        assertEquals(A, t.rows().get(3).value(), EPS); // ∂b/∂y = a
    }

    @Test
    void reverseTableMatchesTheSlides() {
        Graph g = seedGraph();
        AdjointTable t = AdjointTable.of(g, seedValues(g), 0, "f");
        List<ChainRow> r = t.rows();
        // order: f, c, b, a, y, x
        assertEquals(6, r.size());
        assertEquals(1, r.get(0).value());
        // ∂f/∂c = ∂f/∂f·[1]
        assertTerms(r.get(1), new double[][] {{1, 1}});
        // ∂f/∂b = ∂f/∂c·[1/(2√b)] + ∂f/∂f·[1]
        double fb = 1 + 1 / (2 * Math.sqrt(B));
        assertTerms(r.get(2), new double[][] {{1 / (2 * Math.sqrt(B)), 1}, {1, 1}});
        assertEquals(fb, r.get(2).value(), EPS);
        // ∂f/∂a = ∂f/∂b·[y]
        assertTerms(r.get(3), new double[][] {{Y, fb}});
        // ∂f/∂y = ∂f/∂b·[a]
        assertTerms(r.get(4), new double[][] {{A, fb}});
        assertEquals(DFDY, r.get(4).value(), EPS);
        // ∂f/∂x = ∂f/∂a·[1/x]
        assertTerms(r.get(5), new double[][] {{1 / X, Y * fb}});
        assertEquals(DFDX, r.get(5).value(), EPS);
        String text = t.render();
        assertTrue(text.contains("∂f/∂x4 = ∂f/∂x5·[∂x5/∂x4] + ∂f/∂x6·[∂x6/∂x4]"), text);
        assertTrue(text.contains("= 1 × 0.346734 + 1 × 1 = 1.34673"), text);
        assertTrue(text.contains("= ∂f/∂x"), text);
    }

    @Test
    void tablesAgreeWithTheEngine() {
        Graph g = seedGraph();
        Tensor[] grads = AD.grad((Tensor x, Tensor y) -> y.mul(Ops.log(x)).add(Ops.sqrt(y.mul(Ops.log(x)))))
                .apply(Tensor.scalar(X), Tensor.scalar(Y));
        AdjointTable t = AdjointTable.of(g, seedValues(g), 0, "f");
        assertEquals(grads[0].item(), t.adjoint(g.inputs().get(0).id()), 1e-15);
        assertEquals(grads[1].item(), t.adjoint(g.inputs().get(1).id()), 1e-15);
    }

    /** Each term as {local partial, carried derivative}, in order. */
    static void assertTerms(ChainRow row, double[][] expected) {
        assertEquals(expected.length, row.terms().size(), row.toString());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], row.terms().get(i).local(), EPS, row.toString());
            assertEquals(expected[i][1], row.terms().get(i).carried(), EPS, row.toString());
        }
    }
}
