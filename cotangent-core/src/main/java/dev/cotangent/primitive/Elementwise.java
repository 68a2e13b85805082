package dev.cotangent.primitive;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.Shape;

/**
 * Trait of a primitive applied element by element with NumPy broadcasting of its operands (sin, mul, the
 * comparisons, where): its result has the broadcast shape of the operands, and its batching rule lines the
 * operands' ranks up and applies the primitive once to the whole batch.
 */
public interface Elementwise extends OneResult {

    @Override
    default Shape shape(Shape... in) {
        Rules.arity(name(), arity(), in);
        Shape s = in[0];
        for (int i = 1; i < in.length; i++) s = Shape.broadcast(name(), s, in[i]);
        return s;
    }

    @Override
    default Tensor batch(Tensor[] args, boolean[] batched, int size) {
        return Batching.elementwise(this, args, batched);
    }
}
