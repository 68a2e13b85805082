package dev.cotangent.graph.pass;

import dev.cotangent.graph.Graph;
import java.util.List;

/** A sequence of passes, applied in order and repeated until the graph stops changing (at most a few rounds). */
public final class Pipeline implements Pass {
    private static final int MAX_ROUNDS = 8;
    private final List<Pass> passes;

    public Pipeline(List<Pass> passes) {
        this.passes = List.copyOf(passes);
    }

    /** The usual clean-up of a staged program: constant folding, then CSE, then dead-code elimination. */
    public static Pipeline standard() {
        return new Pipeline(List.of(ConstantFolding.INSTANCE, CommonSubexpressions.INSTANCE, DeadCode.INSTANCE));
    }

    @Override
    public Graph apply(Graph g) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Graph before = g;
            for (Pass p : passes) g = p.apply(g);
            if (g == before) break;
        }
        return g;
    }
}
