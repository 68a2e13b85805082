package dev.cotangent.graph;

import dev.cotangent.primitive.Primitive;
import dev.cotangent.tensor.Shape;
import java.util.List;
import java.util.Map;

/**
 * One operation of a graph, x_id = primitive(x_parents), with its result's shape. A parent may appear twice
 * (x·x). The primitive's parameters (axes, flags) are part of it.
 */
public record Node(int id, Primitive primitive, List<Integer> parents, Shape shape) implements Var {
    public Node {
        parents = List.copyOf(parents);
    }

    /** The primitive's parameters, e.g. {@code axes} of a sum. */
    public Map<String, Object> params() {
        return primitive.params();
    }
}
