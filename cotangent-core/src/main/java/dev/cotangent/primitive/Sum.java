package dev.cotangent.primitive;

import dev.cotangent.Tensor;
import dev.cotangent.kernel.ReduceKernel;

/** Σ over axes; linear: its JVP sums the tangent the same way, its VJP broadcasts ȳ back over the summed axes. */
public final class Sum extends Reduction implements Linear {

    public Sum(int[] axes, boolean keepDims) {
        super(ReduceKernel.Fn.SUM, axes, keepDims);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        return reduceLike(t[0]);
    }

    @Override
    public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
        return new Tensor[] {expand(ct, x[0])};
    }

    /** 1: each element counts once (the rules above use linearity directly). */
    @Override
    protected Tensor weight(Tensor x, Tensor y) {
        return Rules.ONE;
    }

    @Override
    protected Reduction over(int[] axes) {
        return new Sum(axes, keepDims);
    }
}
