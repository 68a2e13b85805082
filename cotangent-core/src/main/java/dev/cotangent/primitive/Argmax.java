package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Map;

/** The index of the largest element along one axis (first on ties), as a double; integer-valued, derivative 0. */
public final class Argmax extends Named implements ZeroDerivative {
    private final int axis;

    public Argmax(int axis) {
        this.axis = axis;
    }

    @Override
    public String name() {
        return "argmax";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public Shape shape(Shape... in) {
        Rules.arity(name(), 1, in);
        return in[0].reduce(new int[] {in[0].axis(axis, "argmax")}, false);
    }

    @Override
    public NDArray apply(NDArray... in) {
        return in[0].argmax(axis);
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("axis", axis);
    }

    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        return Ops.apply(new Argmax(Batching.axis(axis, args[0].rank() - 1)), args[0]);
    }
}
