package dev.cotangent.graph.compile;

import dev.cotangent.tensor.NDArray;

/**
 * A primitive that runs a loop over a body (a scan, its reversal) and that a compiled {@link Program} runs through
 * {@link #runCompiled} instead of {@code applyAll}: the body is compiled once into a program of its own and run as
 * a real loop, where {@code applyAll} (eager mode) calls the user's Java body step by step.
 */
public interface CompiledLoop {
    /** The results for these operands, computed by the compiled body run in a loop; equal to {@code applyAll}. */
    NDArray[] runCompiled(NDArray... in);
}
