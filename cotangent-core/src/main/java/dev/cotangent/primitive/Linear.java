package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;

/**
 * A primitive that is linear in its one operand (broadcast, reshape, transpose, slice, pad, take, index_add):
 * its JVP is the primitive itself applied to the tangent, ẏ = p(ẋ), and its VJP rule needs the operand's shape
 * only. A subclass gives the implementation, the shape rule and the transpose (VJP).
 */
public abstract class Linear extends Primitive {

    @Override
    public final int arity() {
        return 1;
    }

    @Override
    public final Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        return Ops.apply(this, t[0]);
    }

    @Override
    public final boolean vjpReadsOperands() {
        return false;
    }

    @Override
    public final boolean vjpReadsResult() {
        return false;
    }
}
