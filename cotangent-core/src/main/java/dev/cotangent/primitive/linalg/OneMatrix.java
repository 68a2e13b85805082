package dev.cotangent.primitive.linalg;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.primitive.OneResult;
import dev.cotangent.tensor.Shape;

/**
 * Trait of a linear-algebra primitive of one square matrix, or a stack of them {@code [..., n, n]}: it already works
 * on a batch along its leading axes, so its batching rule is the primitive itself applied to the batched operand.
 */
interface OneMatrix extends OneResult {

    @Override
    default int arity() {
        return 1;
    }

    @Override
    default Tensor batch(Tensor[] args, boolean[] batched, int size) {
        return Ops.apply(this, args[0]);
    }

    /** A matrix for each matrix, by default: the operand's shape (after the checks of {@link #squareOperand}). */
    @Override
    default Shape shape(Shape... in) {
        return squareOperand(in);
    }

    /** The one operand's shape, after checking there is one and that it is a stack of square matrices. */
    default Shape squareOperand(Shape[] in) {
        if (in.length != 1) throw new IllegalArgumentException(name() + ": takes 1 operand, got " + in.length);
        LuShapes.square(name(), in[0]);
        return in[0];
    }
}
