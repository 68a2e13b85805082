package dev.cotangent.transform;

import dev.cotangent.Tensor;
import dev.cotangent.graph.Graph;
import dev.cotangent.graph.StageTrace;
import dev.cotangent.tensor.Shape;
import dev.cotangent.trace.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Staging: turns a function into a {@link Graph} by running it once on shape-only tracers of a
 * {@link StageTrace}. The example inputs give only shapes; their values are not used.
 */
public final class Stage {
    private Stage() {}

    /** Stages {@code f}: one graph input per example input, one graph output per result. */
    public static Graph stage(Function<Tensor[], Tensor[]> f, Tensor... exampleInputs) {
        Shape[] shapes = new Shape[exampleInputs.length];
        for (int i = 0; i < exampleInputs.length; i++) {
            if (exampleInputs[i] == null) throw new IllegalArgumentException("stage: example input " + i + " is null");
            shapes[i] = exampleInputs[i].dims();
        }
        return stage(f, shapes);
    }

    /** Stages {@code f} for inputs of these shapes. */
    public static Graph stage(Function<Tensor[], Tensor[]> f, Shape... inputShapes) {
        try (Scope<StageTrace> s = Scope.open(StageTrace::new)) {
            StageTrace trace = s.trace();
            Tensor[] in = new Tensor[inputShapes.length];
            for (int i = 0; i < in.length; i++) in[i] = trace.input(inputShapes[i]);
            Tensor[] out = f.apply(in);
            if (out == null) throw new IllegalArgumentException("stage: the function returned null; it must return tensors");
            List<Integer> outputs = new ArrayList<>();
            for (int i = 0; i < out.length; i++) {
                if (out[i] == null) throw new IllegalArgumentException("stage: result " + i + " of the function is null");
                outputs.add(trace.varOf(out[i]));
            }
            return trace.graph(outputs);
        }
    }
}
