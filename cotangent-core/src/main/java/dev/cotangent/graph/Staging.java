package dev.cotangent.graph;

import dev.cotangent.Tensor;
import dev.cotangent.trace.Levels;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a function into a {@link Graph} by running it once on shape-only tracers of a {@link StageTrace}
 * (the implementation of {@code AD.stage}). The example inputs give only shapes; their values are not used.
 */
public final class Staging {
    private Staging() {}

    /** Stages {@code f}: one graph input per example input, one graph output per result. */
    public static Graph stage(Function<Tensor[], Tensor[]> f, Tensor... exampleInputs) {
        StageTrace trace = new StageTrace(Levels.push());
        List<Integer> outputs = new ArrayList<>();
        try {
            Tensor[] in = new Tensor[exampleInputs.length];
            for (int i = 0; i < in.length; i++) {
                if (exampleInputs[i] == null) throw new IllegalArgumentException("stage: example input " + i + " is null");
                in[i] = trace.input(exampleInputs[i].dims());
            }
            Tensor[] out = f.apply(in);
            if (out == null) throw new IllegalArgumentException("stage: the function returned null; it must return tensors");
            for (int i = 0; i < out.length; i++) {
                if (out[i] == null) throw new IllegalArgumentException("stage: result " + i + " of the function is null");
                outputs.add(trace.varOf(out[i]));
            }
        } finally {
            Levels.pop(trace);
        }
        return trace.graph(outputs);
    }
}
