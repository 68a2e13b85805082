package dev.cotangent.graph;

import dev.cotangent.tensor.Shape;

/**
 * A primitive made from a user's function (checkpoint, customVjp, customJvp): it can show the program inside
 * it, staged for given operand shapes, so printers, passes, the compiler and a serialiser can see inside it.
 */
public interface Composite {
    /**
     * The function's program for operands of these shapes (staged once per shapes and kept). Throws
     * {@link dev.cotangent.trace.ValueDependenceException} when the function reads values (Java control flow on
     * numbers), which no graph can represent.
     */
    Graph graph(Shape... in);
}
