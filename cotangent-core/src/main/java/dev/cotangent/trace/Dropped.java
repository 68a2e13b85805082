package dev.cotangent.trace;

import dev.cotangent.Tensor;
import dev.cotangent.primitive.Primitive;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * What the tape keeps of a value that a primitive's VJP rule declared it does not read: its shape, so the rule
 * can still unbroadcast or reshape, and no numbers, so the memory is freed. Reading its value is a bug in the
 * primitive's declaration, reported as such.
 */
final class Dropped extends Tensor {
    private static final Dropped SCALAR = new Dropped(Shape.scalar());
    private static final Tensor[] SCALARS_1 = {SCALAR};
    private static final Tensor[] SCALARS_2 = {SCALAR, SCALAR};

    private Dropped(Shape shape) {
        super(shape);
    }

    /** The shape-only stand-in for {@code t} (one shared instance for 0-d values). */
    static Tensor of(Tensor t) {
        return t.rank() == 0 ? SCALAR : new Dropped(t.dims());
    }

    /** Shape-only stand-ins for all of {@code ts} (shared arrays for one or two 0-d values; never written to). */
    static Tensor[] all(Tensor[] ts) {
        if (ts.length <= 2 && ts[0].rank() == 0 && ts[ts.length - 1].rank() == 0) {
            return ts.length == 1 ? SCALARS_1 : SCALARS_2;
        }
        Tensor[] out = new Tensor[ts.length];
        for (int i = 0; i < ts.length; i++) out[i] = of(ts[i]);
        return out;
    }

    @Override
    public int level() {
        return 0;
    }

    @Override
    public NDArray value() {
        Primitive rule = RuleContext.primitive();
        throw new IllegalStateException("the VJP rule of " + (rule != null ? rule.name() : "a primitive")
                + " read a value that the primitive says its rule does not need (vjpReadsOperands/vjpReadsResult), "
                + "so reverse mode did not keep it; declare it as read");
    }
}
