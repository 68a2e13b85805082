package dev.cotangent.trace;

import dev.cotangent.Tensor;
import dev.cotangent.primitive.Batching;
import dev.cotangent.primitive.Primitive;
import dev.cotangent.tensor.NDArray;

/**
 * Vectorisation at one level (vmap): each tracer stands for one example of a batch and carries the whole
 * batch, with the batch axis first. Processing applies the primitive's batching rule once for every example,
 * instead of running the function once per example.
 */
public final class BatchTrace extends Trace {
    private final int size;

    public BatchTrace(int level, int size) {
        super(level, "vmap");
        this.size = size;
    }

    /** A trace for the transform the user called, named in messages (vmap, jacfwd, jacrev). */
    public BatchTrace(int level, int size, String transform) {
        super(level, transform);
        this.size = size;
    }

    /** The number of examples in the batch. */
    public int size() {
        return size;
    }

    /** The tracer for one example of {@code batch} (whose first axis is the batch axis). */
    public Tensor tracer(Tensor batch) {
        if (batch.rank() == 0 || batch.dims().dim(0) != size) {
            throw new IllegalArgumentException(transform() + ": input of shape " + batch.dims() + " has no leading batch axis of "
                    + "length " + size);
        }
        return new BatchTracer(this, batch);
    }

    /** The whole batch behind {@code out}: its batched value, or {@code out} repeated if it is the same for all. */
    public Tensor unbatch(Tensor out) {
        if (out instanceof BatchTracer && ((BatchTracer) out).trace == this) return ((BatchTracer) out).primal();
        return Batching.materialize(out, false, size);
    }

    @Override
    public Tensor[] process(Primitive p, Tensor[] args) {
        Tensor[] values = new Tensor[args.length];
        boolean[] batched = new boolean[args.length];
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof BatchTracer && ((BatchTracer) args[i]).trace == this) {
                values[i] = ((BatchTracer) args[i]).primal();
                batched[i] = true;
            } else {
                values[i] = args[i];
            }
        }
        Tensor[] outs = perResult(p, "batching", p.batchAll(values, batched, size));
        Tensor[] r = new Tensor[outs.length];
        for (int k = 0; k < r.length; k++) r[k] = new BatchTracer(this, outs[k]);
        return r;
    }

    /** One example of a batch; shows the per-example shape and carries the batch. */
    static final class BatchTracer extends Tracer {
        private final BatchTrace trace;

        BatchTracer(BatchTrace trace, Tensor batch) {
            super(Batching.shape(batch, true), batch);
            this.trace = trace;
        }

        @Override
        public Trace trace() {
            return trace;
        }

        @Override
        public NDArray value() {
            throw new IllegalStateException(trace.transform() + ": a tensor that stands for every example of a batch has no single "
                    + "value; return it from the function instead of reading it (item/toArray/value) inside vmap");
        }

        @Override
        public String toString() {
            return "Tracer<vmap, level " + level() + ">(batch of " + trace.size + ", shape " + dims() + ")";
        }
    }
}
