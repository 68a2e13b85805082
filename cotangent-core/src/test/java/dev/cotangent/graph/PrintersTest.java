package dev.cotangent.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.primitive.Log;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DOT, SVG, number formats, non-scalar listings, and the graph's own checks. */
class PrintersTest {

    @Test
    void dotShowsNodesEdgesValuesAdjointsAndPartials() {
        Graph g = SeedTablesTest.seedGraph();
        NDArray[] v = SeedTablesTest.seedValues(g);
        String plain = Dot.render(g);
        assertTrue(plain.startsWith("digraph cotangent {\n  rankdir=LR;"), plain);
        assertEquals(6, plain.split("->", -1).length - 1); // x1→x3, x2→x4, x3→x4, x4→x5, x4→x6, x5→x6
        String rich = Dot.render(g, v, null, LocalPartials.of(g, v));
        assertTrue(rich.contains("label=\"∂x3/∂x1 = 0.5\""), rich);
        assertTrue(rich.contains("x6 = add\\n= 3.52147"), rich);
        assertTrue(rich.contains("peripheries=2"), rich);
    }

    @Test
    void svgNeedsGraphviz() throws Exception {
        if (Svg.dotAvailable()) {
            assertTrue(Svg.render(Dot.render(SeedTablesTest.seedGraph())).contains("<svg"));
        } else {
            Exception e = assertThrows(java.io.IOException.class, () -> Svg.render("digraph {}"));
            assertTrue(e.getMessage().contains("apt-get install graphviz"), e.getMessage());
        }
    }

    @Test
    void numbersToSixSignificantDigits() {
        assertEquals("0.693147", Numbers.brief(Math.log(2)));
        assertEquals("3", Numbers.brief(3));
        assertEquals("-1.5", Numbers.brief(-1.5));
        assertEquals("1.5e-7", Numbers.brief(1.5e-7));
        assertEquals("2.5e12", Numbers.brief(2.5e12));
        assertEquals("10", Numbers.brief(9.9999995));
        assertEquals("0.0001", Numbers.brief(9.999996e-5));
        assertEquals("123457", Numbers.brief(123456.7));
        assertEquals("1e6", Numbers.brief(999999.5));
        assertEquals("nan", Numbers.brief(Double.NaN));
        assertEquals("-inf", Numbers.brief(Double.NEGATIVE_INFINITY));
        assertEquals("0", Numbers.brief(-0.0));
    }

    @Test
    void listingsOfTensorProgramsShowShapes() {
        Graph g = AD.stage(in -> new Tensor[] {Ops.sum(in[0].mul(in[1]), false, 0)}, Tensor.of(new double[][] {{1, 2}}),
                Tensor.of(3, 4));
        String text = Listing.render(g);
        assertTrue(text.contains("x1 = input    [1,2]"), text);
        assertTrue(text.contains("x3 = mul(x1, x2)    : [1,2]"), text);
        assertTrue(text.contains("x4 = sum[axes=[0], keepDims=false](x3)    : [2]    → out1"), text);
        assertThrows(IllegalArgumentException.class, () -> TangentTable.of(g, Evaluator.values(g,
                NDArray.of(new double[][] {{1, 2}}), NDArray.of(3, 4)), 0));
    }

    @Test
    void graphsCheckTheirOwnConsistency() {
        Input x = new Input(0, "x", Shape.scalar());
        assertThrows(IllegalArgumentException.class, () -> new Graph(List.of(x), List.of(),
                List.of(new Node(1, Log.INSTANCE, List.of(5), Shape.scalar())), List.of(1)));
        assertThrows(IllegalArgumentException.class, () -> new Graph(List.of(x), List.of(),
                List.of(new Node(0, Log.INSTANCE, List.of(0), Shape.scalar())), List.of(0)));
        assertThrows(IllegalArgumentException.class, () -> new Graph(List.of(x), List.of(),
                List.of(new Node(1, Log.INSTANCE, List.of(0), Shape.of(2))), List.of(1)));
        assertThrows(IllegalArgumentException.class, () -> new Graph(List.of(x), List.of(), List.of(), List.of(3)));
    }
}
