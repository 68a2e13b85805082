package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Map;

/** Gathers the entries at given indices along one axis (NumPy's take). Linear; its transpose is {@link IndexAdd}. */
public final class Take extends Named implements Linear {
    private final int[] indices;
    private final int axis;

    public Take(int[] indices, int axis) {
        this.indices = indices.clone();
        this.axis = axis;
    }

    @Override
    public String name() {
        return "take";
    }

    @Override
    public Shape shape(Shape... in) {
        Rules.arity(name(), 1, in);
        int a = in[0].axis(axis, "take");
        int size = in[0].dim(a);
        for (int i : indices) {
            if (i < -size || i >= size) {
                throw new IllegalArgumentException("take: index " + i + " is out of range for axis " + axis
                        + " of shape " + in[0] + " (size " + size + ")");
            }
        }
        int[] d = in[0].dims();
        d[a] = indices.length;
        return Shape.of(d);
    }

    @Override
    public NDArray apply(NDArray... in) {
        return in[0].take(indices, axis);
    }

    @Override
    public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
        int a = x[0].dims().axis(axis, "take");
        return new Tensor[] {Ops.indexAdd(ct, indices, a, x[0].dims().dim(a))};
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("indices", indices.clone(), "axis", axis);
    }

    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        return Ops.take(args[0], indices, Batching.axis(axis, args[0].rank() - 1));
    }
}
