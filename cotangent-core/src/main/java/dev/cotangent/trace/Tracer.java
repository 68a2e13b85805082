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

    /**
     * The value this tracer carries, while its transform runs. After the transform returned, the tracer has leaked
     * (kept in a field or a collection): reading it is an error that names the transform, since the number it
     * would give belongs to a computation that is over, and its derivatives are lost.
     */
    @Override
    public NDArray value() {
        Trace t = trace();
        if (!t.alive()) {
            throw new IllegalStateException("a tensor traced by " + t.transform() + " (level " + t.level() + ") was "
                    + "read (item, toArray, value, get) after " + t.transform() + " returned (a leaked tracer). "
                    + "Return it from the function you transform, or read its value inside that function, instead "
                    + "of storing the traced tensor in a field or a collection.");
        }
        return primal.value();
    }

    @Override
    public String toString() {
        return "Tracer<" + trace().transform() + ", level " + level() + ">(" + primal + ")";
    }
}
