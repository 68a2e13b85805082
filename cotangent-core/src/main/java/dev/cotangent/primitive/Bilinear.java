package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;

/**
 * Trait of a primitive linear in each of its two operands separately (the matrix product): the product rule
 * ẏ = p(ȧ, b) + p(a, ḃ) is its JVP, and its VJP rule reads the operands but never the result.
 */
public interface Bilinear extends OneResult {

    @Override
    default int arity() {
        return 2;
    }

    @Override
    default Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        Tensor da = t[0] == null ? null : Ops.apply(this, t[0], x[1]);
        Tensor db = t[1] == null ? null : Ops.apply(this, x[0], t[1]);
        return Rules.fit(Rules.plus(da, db), y.dims());
    }

    @Override
    default boolean vjpReadsResult() {
        return false;
    }
}
