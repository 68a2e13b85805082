package dev.cotangent.trace;

import dev.cotangent.Tensor;
import dev.cotangent.primitive.Primitive;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * A tensor that has a shape and no numbers: what the tape keeps of a value that a primitive's VJP rule does not
 * read (so the rule can still unbroadcast or reshape while the memory is freed), and the primal of a staged
 * variable. Reading its value throws {@link IllegalStateException} with a message that says which of the two
 * it is and what to do.
 */
public final class ShapeOnly extends Tensor {
    private static final ShapeOnly SCALAR = new ShapeOnly(Shape.scalar(), false);
    private static final Tensor[] SCALARS_1 = {SCALAR};
    private static final Tensor[] SCALARS_2 = {SCALAR, SCALAR};
    private final boolean staged;

    private ShapeOnly(Shape shape, boolean staged) {
        super(shape);
        this.staged = staged;
    }

    /** The stand-in for a staged value of {@code shape}. */
    public static ShapeOnly staged(Shape shape) {
        return new ShapeOnly(shape, true);
    }

    /** What the tape keeps of {@code t}: its shape (one shared instance for 0-d values). */
    static Tensor dropped(Tensor t) {
        return t.rank() == 0 ? SCALAR : new ShapeOnly(t.dims(), false);
    }

    /** {@link #dropped} of one tensor, as an array (a shared one for a 0-d value; never written to). */
    static Tensor[] one(Tensor t) {
        return t.rank() == 0 ? SCALARS_1 : new Tensor[] {dropped(t)};
    }

    /** {@link #dropped} of all of {@code ts} (shared arrays for one or two 0-d values; never written to). */
    static Tensor[] all(Tensor[] ts) {
        if (ts.length == 1 && ts[0].rank() == 0) return SCALARS_1;
        if (ts.length == 2 && ts[0].rank() == 0 && ts[1].rank() == 0) return SCALARS_2;
        Tensor[] out = new Tensor[ts.length];
        for (int i = 0; i < ts.length; i++) out[i] = dropped(ts[i]);
        return out;
    }

    /** The error for reading the value of a staged tensor of shape {@code s}. */
    public static IllegalStateException noValue(Shape s) {
        return new ValueDependenceException("stage: a staged tensor (shape " + s + ") has no value while the "
                + "function is being staged; only its shape is known. Control flow on values (value(), item(), "
                + "toArray(), if/while on a number) cannot be staged: use Ops.where for a data-dependent choice, "
                + "or call the function without staging");
    }

    @Override
    public int level() {
        return 0;
    }

    @Override
    public NDArray value() {
        if (staged) throw noValue(dims());
        Primitive rule = RuleContext.primitive();
        throw new IllegalStateException("the VJP rule of " + (rule != null ? rule.name() : "a primitive")
                + " read a value that the primitive says its rule does not need (vjpReadsOperands/vjpReadsResult), "
                + "so reverse mode did not keep it; declare it as read");
    }

    @Override
    public String toString() {
        return (staged ? "Staged(" : "ShapeOnly(") + dims() + ")";
    }
}
