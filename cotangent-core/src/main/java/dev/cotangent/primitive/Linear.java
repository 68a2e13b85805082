package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;

/**
 * Trait of a primitive that is linear in its operands (broadcast, reshape, transpose, slice, pad, take,
 * index_add, sum, concat, add): its JVP is the primitive itself applied to the tangents, ẏ = p(ẋ) (a zero
 * tangent filled in with zeros), and its VJP rule, the transpose, needs the operands' shapes only. One operand
 * unless the primitive says otherwise; the primitive gives its implementation, shape rule and transpose.
 */
public interface Linear extends OneResult {

    @Override
    default int arity() {
        return 1;
    }

    @Override
    default Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        Tensor[] in = new Tensor[t.length];
        for (int i = 0; i < t.length; i++) in[i] = t[i] != null ? t[i] : Tensor.zeros(x[i].shape());
        return Ops.apply(this, in);
    }

    @Override
    default boolean vjpReadsOperands() {
        return false;
    }

    @Override
    default boolean vjpReadsResult() {
        return false;
    }
}
