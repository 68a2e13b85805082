package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Map;

/** The same values in another shape of the same size (row-major order kept); linear, its transpose reshapes back. */
public final class Reshape extends Named implements Linear {
    private final Shape target;

    public Reshape(Shape target) {
        this.target = target;
    }

    @Override
    public String name() {
        return "reshape";
    }

    @Override
    public Shape shape(Shape... in) {
        Rules.arity(name(), 1, in);
        return in[0].reshape(target.dims());
    }

    @Override
    public NDArray apply(NDArray... in) {
        return in[0].reshape(target.dims());
    }

    @Override
    public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
        return new Tensor[] {Ops.reshape(ct, x[0].shape())};
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("shape", target.dims());
    }

    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        return Ops.reshape(args[0], Batching.prepend(size, target.dims()));
    }
}
