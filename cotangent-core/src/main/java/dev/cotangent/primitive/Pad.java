package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.ScatterKernel;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Map;

/** Surrounds an array with zeros: before[d] in front of and after[d] behind axis d. Linear; its transpose slices. */
public final class Pad extends Named implements Linear {
    private final int[] before;
    private final int[] after;

    public Pad(int[] before, int[] after) {
        this.before = before.clone();
        this.after = after.clone();
    }

    @Override
    public String name() {
        return "pad";
    }

    @Override
    public Shape shape(Shape... in) {
        Rules.arity(name(), 1, in);
        Shape s = in[0];
        if (before.length != s.rank() || after.length != s.rank()) {
            throw new IllegalArgumentException("pad: widths " + java.util.Arrays.toString(before) + ", "
                    + java.util.Arrays.toString(after) + " for shape " + s + "; give one width per axis on each side");
        }
        int[] d = new int[s.rank()];
        for (int i = 0; i < d.length; i++) {
            if (before[i] < 0 || after[i] < 0) {
                throw new IllegalArgumentException("pad: widths " + java.util.Arrays.toString(before) + ", "
                        + java.util.Arrays.toString(after) + " for shape " + s + ": axis " + i
                        + " has a negative width; widths must be >= 0 (use slice to cut)");
            }
            long width = (long) before[i] + s.dim(i) + after[i];
            if (width > Integer.MAX_VALUE) {
                throw new dev.cotangent.tensor.TooLargeException("pad: widths " + before[i] + " and " + after[i]
                        + " on axis " + i + " of shape " + s + " make that axis " + width + " long, more than 2^31-1");
            }
            d[i] = (int) width;
        }
        return Shape.of(d);
    }

    @Override
    public NDArray apply(NDArray... in) {
        Shape out = shape(in[0].dims());
        double[] o = dev.cotangent.tensor.TooLargeException.doubles(out.size());
        ScatterKernel.pad(in[0].unsafeData(), in[0].shape(), before, out.dims(), o);
        return NDArray.wrap(out, o);
    }

    @Override
    public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
        int[] end = new int[before.length];
        for (int i = 0; i < end.length; i++) end[i] = before[i] + x[0].dims().dim(i);
        return new Tensor[] {Ops.slice(ct, before, end)};
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("before", before.clone(), "after", after.clone());
    }

    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        return Ops.pad(args[0], Batching.prepend(0, before), Batching.prepend(0, after));
    }
}
