package dev.cotangent.primitive;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/** The identity on values with a zero derivative: what it returns is a constant to every enclosing transform. */
public final class StopGradient extends NonDifferentiable {
    public static final StopGradient INSTANCE = new StopGradient();

    private StopGradient() {}

    @Override
    public String name() {
        return "stop_gradient";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public Shape shape(Shape... in) {
        Rules.arity(name(), 1, in);
        return in[0];
    }

    @Override
    public NDArray apply(NDArray... in) {
        return in[0];
    }

    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        return Batching.elementwise(this, args, batched);
    }
}
