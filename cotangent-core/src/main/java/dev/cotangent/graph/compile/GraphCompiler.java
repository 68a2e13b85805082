package dev.cotangent.graph.compile;

import dev.cotangent.graph.Graph;
import dev.cotangent.graph.pass.Pipeline;
import java.util.List;

/**
 * The compiler of staged programs: the standard passes (constant folding, CSE, dead code), then fusion of
 * elementwise chains and their full sums into loops ({@link Fusion}), then the buffer plan ({@link BufferPlan}).
 * The result is a {@link Program} run by a specialised fused-loop interpreter: each loop applies the existing
 * array kernels block by block on cache-resident registers, so no bytecode is generated and nothing has to
 * fit HotSpot's method-size limits.
 */
public final class GraphCompiler {
    private GraphCompiler() {}

    /** {@code g} optimised and compiled. */
    public static Program compile(Graph g) {
        long t0 = System.nanoTime();
        Graph opt = Pipeline.standard().apply(g);
        List<Step> steps = Fusion.steps(opt);
        BufferPlan plan = BufferPlan.of(opt, steps);
        return new Program(opt, steps, plan, System.nanoTime() - t0);
    }
}
