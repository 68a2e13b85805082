package dev.cotangent.trace;

import dev.cotangent.Tensor;
import dev.cotangent.primitive.Primitive;

/**
 * {@code bind}: the single entry through which every operation runs. It finds the argument of highest level and
 * lets that argument's trace process the primitive; with no tracer among the arguments it evaluates at once.
 */
public final class Bind {
    private Bind() {}

    /** Applies the one-result primitive {@code p} to {@code args} under the innermost trace among them. */
    public static Tensor bind(Primitive p, Tensor... args) {
        if (p.results() != 1) {
            throw new IllegalArgumentException(p.name() + ": has " + p.results() + " results; bind it with bindAll "
                    + "(Ops.applyAll), which returns them all");
        }
        Trace top = innermost(p, args);
        return top == null ? Eval.apply1(p, args) : top.process1(p, args);
    }

    /** Applies {@code p} to {@code args} under the innermost trace among them; returns every result. */
    public static Tensor[] bindAll(Primitive p, Tensor... args) {
        Trace top = innermost(p, args);
        return top == null ? Eval.apply(p, args) : top.process(p, args);
    }

    /** The trace of highest level among the arguments (null: all concrete), after checking them. */
    private static Trace innermost(Primitive p, Tensor[] args) {
        if (args.length != p.arity()) {
            throw new IllegalArgumentException(p.name() + ": takes " + p.arity() + " operand(s), got " + args.length);
        }
        Trace top = null;
        for (int i = 0; i < args.length; i++) {
            Tensor a = args[i];
            if (a == null) {
                throw new IllegalArgumentException(p.name() + ": operand " + i + " of " + args.length
                        + " is null; pass a Tensor (Tensor.scalar(0) for a zero)");
            }
            if (a instanceof Tracer) {
                Trace t = ((Tracer) a).trace();
                if (!t.alive()) {
                    throw new IllegalStateException(p.name() + ": a tensor traced by " + t.transform()
                            + " (level " + t.level() + ") was used after that transform returned (a leaked tracer). "
                            + "Return it from the function you transform, or keep only its value(), instead of "
                            + "storing the traced tensor in a field or a collection.");
                }
                if (t.owner() != Thread.currentThread()) {
                    throw new IllegalStateException(p.name() + ": a tensor traced by " + t.transform() + " on thread '"
                            + t.owner().getName() + "' was used on thread '" + Thread.currentThread().getName()
                            + "'. Transforms are per thread: run the whole function you transform on one thread.");
                }
                if (top == null || t.level() > top.level()) {
                    top = t;
                } else if (t.level() == top.level() && t != top) {
                    throw new IllegalStateException(p.name() + ": operands come from two different transforms at level "
                            + t.level() + " (" + t.transform() + " and " + top.transform() + "); a traced tensor was "
                            + "kept past its transform or handed to another thread");
                }
            }
        }
        return top;
    }
}
