package dev.cotangent.trace;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;

/** A tensor that stands for a value inside a transform: it carries the value one level down (its primal). */
public abstract class Tracer extends Tensor {
    private final Tensor primal;

    protected Tracer(Tensor primal) {
        super(primal.dims());
        this.primal = primal;
    }

    /** A tracer whose visible shape differs from what it carries (a batched value, for instance). */
    protected Tracer(dev.cotangent.tensor.Shape shape, Tensor carried) {
        super(shape);
        this.primal = carried;
    }

    /** The trace this tracer belongs to. */
    public abstract Trace trace();

    /** The value one level down. */
    public final Tensor primal() {
        return primal;
    }

    @Override
    public final int level() {
        return trace().level();
    }

    @Override
    public NDArray value() {
        return primal.value();
    }

    @Override
    public String toString() {
        return "Tracer<" + trace().transform() + ", level " + level() + ">(" + primal + ")";
    }
}
