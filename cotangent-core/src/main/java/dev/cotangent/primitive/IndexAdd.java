package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.ScatterKernel;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Map;

/**
 * Scatter-add along one axis into zeros of a given size: y[.., indices[k], ..] += x[.., k, ..]. The transpose of
 * {@link Take} (repeated indices accumulate); linear, its own transpose is take.
 */
public final class IndexAdd extends Named implements Linear {
    private final int[] indices;
    private final int axis;
    private final int size;

    public IndexAdd(int[] indices, int axis, int size) {
        this.indices = indices.clone();
        this.axis = axis;
        this.size = size;
    }

    @Override
    public String name() {
        return "index_add";
    }

    @Override
    public Shape shape(Shape... in) {
        Rules.arity(name(), 1, in);
        int a = in[0].axis(axis, "index_add");
        if (in[0].dim(a) != indices.length) {
            throw new IllegalArgumentException("index_add: axis " + axis + " of shape " + in[0] + " has size "
                    + in[0].dim(a) + " but " + indices.length + " indices were given");
        }
        for (int i : indices) {
            if (i < -size || i >= size) {
                throw new IllegalArgumentException("index_add: index " + i + " is out of range for a result of size "
                        + size + " along axis " + axis + " (operand " + in[0] + "); use indices in [" + (-size) + ", "
                        + (size - 1) + "]");
            }
        }
        int[] d = in[0].dims();
        d[a] = size;
        return Shape.of(d);
    }

    @Override
    public NDArray apply(NDArray... in) {
        Shape out = shape(in[0].dims());
        int a = in[0].dims().axis(axis, "index_add");
        int outer = 1;
        for (int i = 0; i < a; i++) outer *= out.dim(i);
        int inner = 1;
        for (int i = a + 1; i < out.rank(); i++) inner *= out.dim(i);
        double[] o = new double[out.size()];
        ScatterKernel.indexAdd(in[0].unsafeData(), outer, indices, inner, size, o);
        return NDArray.wrap(out, o);
    }

    @Override
    public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
        return new Tensor[] {Ops.take(ct, indices, axis)};
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("indices", indices.clone(), "axis", axis, "size", size);
    }

    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        return Ops.indexAdd(args[0], indices, Batching.axis(axis, args[0].rank() - 1), this.size);
    }
}
