package dev.cotangent.transform;

import dev.cotangent.Tensor;
import dev.cotangent.trace.BatchTrace;
import dev.cotangent.trace.Scope;
import java.util.function.Function;

/**
 * Vectorisation: f, written for one example, run once on a whole batch through each primitive's batching rule,
 * not once per example.
 */
public final class Vmap {
    private Vmap() {}

    /**
     * f applied to every example: {@code args[i]} carries a leading batch axis of length {@code size} where
     * {@code batched[i]}, and is shared by every example otherwise; every result comes back with the batch axis
     * first. {@code transform} names the user's call in messages.
     */
    public static Tensor[] vmap(String transform, Function<Tensor[], Tensor[]> f, Tensor[] args, boolean[] batched,
                                int size) {
        Results.requireInputs(transform, args);
        try (Scope<BatchTrace> s = Scope.open(level -> new BatchTrace(level, size, transform))) {
            BatchTrace trace = s.trace();
            Tensor[] xs = new Tensor[args.length];
            for (int i = 0; i < args.length; i++) xs[i] = batched[i] ? trace.tracer(args[i]) : args[i];
            Tensor[] out = Results.require(transform, f.apply(xs));
            Tensor[] r = new Tensor[out.length];
            for (int k = 0; k < out.length; k++) r[k] = trace.unbatch(out[k]);
            return r;
        }
    }

    /** f of one tensor applied to every slice along the first axis of {@code xs}. */
    public static Tensor vmap(String transform, Function<Tensor, Tensor> f, Tensor xs) {
        if (xs.rank() == 0) {
            throw new IllegalArgumentException(transform + ": the input is 0-d; it needs a leading batch axis");
        }
        return vmap(transform, a -> new Tensor[] {f.apply(a[0])}, new Tensor[] {xs}, new boolean[] {true},
                xs.dims().dim(0))[0];
    }
}
