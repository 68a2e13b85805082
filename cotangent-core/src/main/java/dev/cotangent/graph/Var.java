package dev.cotangent.graph;

import dev.cotangent.tensor.Shape;

/**
 * A variable of a {@link Graph}: an input, a constant, a node (its first result) or another result of a node.
 * Each has an id, unique in its graph, by which nodes name their parents.
 */
public sealed interface Var permits Input, Constant, Node, Result {
    /** The number that names this variable in its graph. */
    int id();

    /** The shape of its value. */
    Shape shape();
}
