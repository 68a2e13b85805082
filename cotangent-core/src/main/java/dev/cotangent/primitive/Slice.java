package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Map;

/** The box start[d] ≤ i_d &lt; end[d] of an array (non-negative bounds). Linear; its transpose pads with zeros. */
public final class Slice extends Named implements Linear {
    private final int[] start;
    private final int[] end;

    public Slice(int[] start, int[] end) {
        this.start = start.clone();
        this.end = end.clone();
    }

    @Override
    public String name() {
        return "slice";
    }

    @Override
    public Shape shape(Shape... in) {
        Rules.arity(name(), 1, in);
        Shape s = in[0];
        if (start.length != s.rank() || end.length != s.rank()) {
            throw new IllegalArgumentException("slice: bounds " + java.util.Arrays.toString(start) + ".."
                    + java.util.Arrays.toString(end) + " for shape " + s + "; give one start and one end per axis");
        }
        int[] d = new int[s.rank()];
        for (int i = 0; i < d.length; i++) {
            if (start[i] < 0 || end[i] > s.dim(i) || start[i] > end[i]) {
                throw new IllegalArgumentException("slice: range [" + start[i] + ", " + end[i]
                        + ") is out of bounds for axis " + i + " of shape " + s);
            }
            d[i] = end[i] - start[i];
        }
        return Shape.of(d);
    }

    @Override
    public NDArray apply(NDArray... in) {
        shape(in[0].dims());
        return in[0].slice(start, end);
    }

    @Override
    public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
        int[] after = new int[start.length];
        for (int i = 0; i < after.length; i++) after[i] = x[0].dims().dim(i) - end[i];
        return new Tensor[] {Ops.pad(ct, start, after)};
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("start", start.clone(), "end", end.clone());
    }

    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        return Ops.slice(args[0], Batching.prepend(0, start), Batching.prepend(size, end));
    }

    /** Its VJP rule returns fresh arrays (ȳ padded with zeros into a new array). */
    @Override
    public boolean vjpResultsFresh() {
        return true;
    }
}
