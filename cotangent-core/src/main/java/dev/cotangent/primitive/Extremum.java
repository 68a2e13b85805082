package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.ReduceKernel;

/**
 * max or min over axes. The derivative flows to the elements equal to the extremum, split equally among ties:
 * with mask m = [x = y] and count c = Σ m, ẏ = Σ ẋ·m/c and x̄ = ȳ·m/c.
 */
public final class Extremum extends Reduction {

    private final boolean max;

    public Extremum(boolean max, int[] axes, boolean keepDims) {
        super(max ? ReduceKernel.Fn.MAX : ReduceKernel.Fn.MIN, axes, keepDims);
        this.max = max;
    }

    @Override
    protected Tensor weight(Tensor x, Tensor y) {
        Tensor mask = Ops.eq(x, expand(y, x));
        return Ops.div(mask, expand(reduceLike(mask), x));
    }

    /** Its axes, keepDims, and whether it is max or min (two extrema over the same axes are different ops). */
    @Override
    public java.util.Map<String, Object> params() {
        return java.util.Map.of("axes", axes.clone(), "keepDims", keepDims, "max", max);
    }

    @Override
    protected Reduction over(int[] axes) {
        return new Extremum(max, axes, keepDims);
    }
}
