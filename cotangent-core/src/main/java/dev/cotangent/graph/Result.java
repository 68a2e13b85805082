package dev.cotangent.graph;

import dev.cotangent.tensor.Shape;

/** A result after the first of a node with several results: result {@code index} of {@code node}. */
public record Result(int id, Node node, int index) implements Var {
    @Override
    public Shape shape() {
        return node.shapes().get(index);
    }
}
