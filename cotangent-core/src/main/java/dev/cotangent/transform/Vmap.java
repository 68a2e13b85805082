package dev.cotangent.transform;

import dev.cotangent.Ops;
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

    /**
     * vmap with chosen axes (JAX's {@code in_axes}, {@code out_axes}): argument i is batched along axis
     * {@code inAxes[i]} ({@code null}: not batched, shared by every example; negative counts from the end), and
     * every result carries the batch axis at {@code outAxis} (negative counts from the end of the result).
     */
    public static Tensor[] vmap(String transform, Function<Tensor[], Tensor[]> f, Tensor[] args, Integer[] inAxes,
                                int outAxis) {
        Results.requireInputs(transform, args);
        if (inAxes.length != args.length) {
            throw new IllegalArgumentException(transform + ": " + inAxes.length + " input axes for " + args.length
                    + " arguments; give one axis (or null, not batched) per argument");
        }
        Tensor[] moved = new Tensor[args.length];
        boolean[] batched = new boolean[args.length];
        int size = -1;
        for (int i = 0; i < args.length; i++) {
            moved[i] = args[i];
            if (inAxes[i] == null) continue;
            int a = args[i].dims().axis(inAxes[i], transform + " (input axis of argument " + i + ")");
            int n = args[i].dims().dim(a);
            if (size >= 0 && n != size) {
                throw new IllegalArgumentException(transform + ": argument " + i + " has " + n + " examples along axis "
                        + inAxes[i] + " (shape " + args[i].dims() + "), the arguments before it " + size
                        + "; batched arguments need one batch length");
            }
            size = n;
            batched[i] = true;
            moved[i] = moveAxis(args[i], a, 0);
        }
        if (size < 0) {
            throw new IllegalArgumentException(transform + ": every input axis is null; batch at least one argument");
        }
        Tensor[] out = vmap(transform, f, moved, batched, size);
        for (int k = 0; k < out.length; k++) {
            int r = out[k].rank();
            int to = outAxis < 0 ? outAxis + r : outAxis;
            if (to < 0 || to >= r) {
                throw new IllegalArgumentException(transform + ": output axis " + outAxis + " is out of range for a "
                        + "result of shape " + out[k].dims() + " (batch axis included)");
            }
            out[k] = moveAxis(out[k], 0, to);
        }
        return out;
    }

    /** x with axis {@code from} moved to position {@code to}, the other axes in order. */
    static Tensor moveAxis(Tensor x, int from, int to) {
        if (from == to) return x;
        int r = x.rank();
        int[] rest = new int[r - 1];
        for (int i = 0, j = 0; i < r; i++) if (i != from) rest[j++] = i;
        int[] perm = new int[r];
        for (int i = 0, j = 0; i < r; i++) perm[i] = i == to ? from : rest[j++];
        return Ops.permute(x, perm);
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
