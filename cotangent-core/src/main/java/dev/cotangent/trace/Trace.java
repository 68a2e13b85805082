package dev.cotangent.trace;

import dev.cotangent.Tensor;
import dev.cotangent.primitive.Primitive;

/**
 * An interpreter that gives a primitive call its meaning at one level: forward mode, reverse mode or
 * staging. A trace is alive while its transform runs; a tracer of a dead trace is a leaked tracer.
 */
public abstract class Trace {
    private final int level;
    private final String transform;
    private final Thread owner = Thread.currentThread();
    private boolean alive = true;

    protected Trace(int level, String transform) {
        this.level = level;
        this.transform = transform;
    }

    /** The nesting level: 1 for the outermost transform, higher inside. */
    public final int level() {
        return level;
    }

    /** The name of the transform that opened this trace, for messages. */
    public final String transform() {
        return transform;
    }

    /** The thread the transform runs on; tracers may be used on that thread only. */
    public final Thread owner() {
        return owner;
    }

    public final boolean alive() {
        return alive;
    }

    /** Marks the trace finished: its tracers may no longer be used in operations. */
    final void close() {
        alive = false;
    }

    /**
     * Applies {@code p} to {@code args}, at least one of which is a tracer of this trace; returns one tensor per
     * result of {@code p}.
     */
    public abstract Tensor[] process(Primitive p, Tensor[] args);

    /**
     * {@link #process} for a primitive with one result, returning it alone: the path of nearly every op, which a
     * trace may make cheaper (no arrays of results).
     */
    public Tensor process1(Primitive p, Tensor[] args) {
        return process(p, args)[0];
    }

    /** Checks that a rule gave one value per result of {@code p}. */
    static Tensor[] perResult(Primitive p, String rule, Tensor[] got) {
        if (got == null || got.length != p.results()) {
            throw new IllegalStateException(p.name() + ": its " + rule + " rule returned "
                    + (got == null ? "null" : got.length + " value(s)") + " for " + p.results() + " result(s)");
        }
        return got;
    }

    /** {@code t} as seen at this level: its primal if it is this trace's tracer, else {@code t} itself. */
    protected final Tensor lift(Tensor t) {
        return t instanceof Tracer && ((Tracer) t).trace() == this ? ((Tracer) t).primal() : t;
    }
}
