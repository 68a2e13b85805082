package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Map;

/** Joins n arrays along an existing axis. Linear: the tangent is the concat of the tangents, the transpose slices ȳ. */
public final class Concat extends Named implements Linear {
    private final int axis;
    private final int n;

    public Concat(int axis, int n) {
        this.axis = axis;
        this.n = n;
    }

    @Override
    public String name() {
        return "concat";
    }

    @Override
    public int arity() {
        return n;
    }

    @Override
    public Shape shape(Shape... in) {
        Rules.arity(name(), n, in);
        int a = in[0].axis(axis, "concat");
        int total = 0;
        for (Shape s : in) {
            if (s.rank() != in[0].rank()) {
                throw new IllegalArgumentException("concat: shapes " + in[0] + " and " + s + " differ in rank");
            }
            for (int i = 0; i < s.rank(); i++) {
                if (i != a && s.dim(i) != in[0].dim(i)) {
                    throw new IllegalArgumentException("concat: shapes " + in[0] + " and " + s + " differ at axis " + i
                            + " (only axis " + a + " may differ)");
                }
            }
            total += s.dim(a);
        }
        int[] d = in[0].dims();
        d[a] = total;
        return Shape.of(d);
    }

    @Override
    public NDArray apply(NDArray... in) {
        return NDArray.concat(axis, in);
    }

    @Override
    public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
        Tensor[] out = new Tensor[n];
        int a = y.dims().axis(axis, "concat");
        int off = 0;
        for (int i = 0; i < n; i++) {
            int len = x[i].dims().dim(a);
            if (needed[i]) {
                int[] start = new int[y.rank()];
                int[] end = y.shape();
                start[a] = off;
                end[a] = off + len;
                out[i] = Ops.slice(ct, start, end);
            }
            off += len;
        }
        return out;
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("axis", axis, "n", n);
    }

    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        Tensor[] parts = new Tensor[n];
        int r = 0;
        for (int i = 0; i < n; i++) {
            parts[i] = Batching.materialize(args[i], batched[i], size);
            r = Batching.rank(args[i], batched[i]);
        }
        return Ops.concat(Batching.axis(axis, r), parts);
    }
}
