package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * where(c, a, b) = c ≠ 0 ? a : b elementwise, the three broadcast together. The condition gets no derivative;
 * the tangent and cotangent are routed to the branch taken: ẏ = where(c, ȧ, ḃ), ā = where(c, ȳ, 0),
 * b̄ = where(c, 0, ȳ).
 */
public final class Where extends Named implements Elementwise {
    public static final Where INSTANCE = new Where();

    private Where() {}

    @Override
    public String name() {
        return "where";
    }

    @Override
    public int arity() {
        return 3;
    }

    @Override
    public NDArray apply(NDArray... in) {
        return NDArray.where(in[0], in[1], in[2]);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        if (t[1] == null && t[2] == null) return null;
        Tensor r = Ops.where(x[0], t[1] == null ? Rules.ZERO : t[1], t[2] == null ? Rules.ZERO : t[2]);
        return Rules.fit(r, y.dims());
    }

    @Override
    public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
        return new Tensor[] {
            null,
            needed[1] ? Rules.unbroadcast(Ops.where(x[0], ct, Rules.ZERO), x[1].dims()) : null,
            needed[2] ? Rules.unbroadcast(Ops.where(x[0], Rules.ZERO, ct), x[2].dims()) : null
        };
    }

    /** Its VJP rule reads the operands, not the result. */
    @Override
    public boolean vjpReadsResult() {
        return false;
    }
}
