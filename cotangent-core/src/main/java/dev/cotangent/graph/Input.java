package dev.cotangent.graph;

import dev.cotangent.tensor.Shape;

/** An input of a graph: a variable given when the graph runs; {@code name} is for display (may be null). */
public record Input(int id, String name, Shape shape) implements Var {}
