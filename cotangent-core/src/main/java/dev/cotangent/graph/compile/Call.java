package dev.cotangent.graph.compile;

import dev.cotangent.graph.Node;
import java.util.List;

/**
 * A step that runs one node's primitive on whole arrays, as the eager engine does: matrix products (BLAS),
 * reductions over some axes, reshapes, slices, gathers, decompositions, nested jitted functions.
 */
public record Call(Node node) implements Step {
    @Override
    public List<Integer> reads() {
        return node.parents();
    }

    @Override
    public List<Integer> writes() {
        return node.ids();
    }
}
