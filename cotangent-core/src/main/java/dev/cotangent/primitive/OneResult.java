package dev.cotangent.primitive;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * A primitive with one result, the common case: it states its rules for that one result, and the general
 * several-result methods of {@link Primitive} are filled in from them.
 */
public interface OneResult extends Primitive {

    /** The shape of the result for operands of these shapes; throws naming the op and the shapes if invalid. */
    Shape shape(Shape... in);

    /** The implementation on concrete arrays. */
    NDArray apply(NDArray... in);

    /**
     * The JVP rule. {@code tangents[i] == null} means a zero tangent. Returns the output tangent with the
     * output's shape, or {@code null} if it is zero.
     */
    Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out);

    /**
     * The VJP (transpose) rule: the cotangent of each operand {@code i} with {@code needed[i]}, of that
     * operand's shape; {@code null} entries are zero.
     */
    Tensor[] vjp(Tensor cotangent, Tensor[] primals, Tensor out, boolean[] needed);

    /** The batching rule for the one result; see {@link Primitive#batchAll}. */
    Tensor batch(Tensor[] args, boolean[] batched, int size);

    @Override
    default int results() {
        return 1;
    }

    @Override
    default Shape[] shapes(Shape... in) {
        return new Shape[] {shape(in)};
    }

    @Override
    default NDArray[] applyAll(NDArray... in) {
        return new NDArray[] {apply(in)};
    }

    @Override
    default Tensor[] jvpAll(Tensor[] primals, Tensor[] tangents, Tensor[] outs) {
        return new Tensor[] {jvp(primals, tangents, outs[0])};
    }

    @Override
    default Tensor[] vjpAll(Tensor[] cotangents, Tensor[] primals, Tensor[] outs, boolean[] needed) {
        return vjp(cotangents[0], primals, outs[0], needed);
    }

    @Override
    default Tensor[] batchAll(Tensor[] args, boolean[] batched, int size) {
        return new Tensor[] {batch(args, batched, size)};
    }
}
