package dev.cotangent.graph.pass;

import dev.cotangent.graph.Graph;

/**
 * A pure rewrite of a graph into an equivalent one: the same inputs, in the same order, and outputs with the
 * same values (bit for bit) for every input.
 */
@FunctionalInterface
public interface Pass {
    /** The rewritten graph; {@code g} itself is not changed (graphs are immutable). */
    Graph apply(Graph g);
}
