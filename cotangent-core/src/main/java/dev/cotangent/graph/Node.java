package dev.cotangent.graph;

import dev.cotangent.primitive.Primitive;
import dev.cotangent.tensor.Shape;
import java.util.List;
import java.util.Map;

/**
 * One operation of a graph, (x_ids) = primitive(x_parents), with the shape of each result. A parent may appear
 * twice (x·x). The primitive's parameters (axes, flags) are part of it. As a {@link Var} a node stands for its
 * first result ({@link #id()}, {@link #shape()}); a primitive with several results (eigh, sinCos) has one id
 * per result, and its other results are {@link Result} variables.
 */
public record Node(List<Integer> ids, Primitive primitive, List<Integer> parents, List<Shape> shapes) implements Var {
    public Node {
        ids = List.copyOf(ids);
        parents = List.copyOf(parents);
        shapes = List.copyOf(shapes);
        if (ids.isEmpty() || ids.size() != shapes.size() || ids.size() != primitive.results()) {
            throw new IllegalArgumentException("graph: a " + primitive + " node needs " + primitive.results()
                    + " result id(s) and shape(s), got " + ids.size() + " and " + shapes.size());
        }
    }

    /** A node with one result. */
    public Node(int id, Primitive primitive, List<Integer> parents, Shape shape) {
        this(List.of(id), primitive, parents, List.of(shape));
    }

    /** The id of the first (usually only) result. */
    @Override
    public int id() {
        return ids.get(0);
    }

    /** The shape of the first (usually only) result. */
    @Override
    public Shape shape() {
        return shapes.get(0);
    }

    /** The number of results. */
    public int results() {
        return ids.size();
    }

    /** The same operation on other operands (ids and shapes kept). */
    public Node withParents(List<Integer> newParents) {
        return new Node(ids, primitive, newParents, shapes);
    }

    /** The primitive's parameters, e.g. {@code axes} of a sum. */
    public Map<String, Object> params() {
        return primitive.params();
    }
}
