package dev.cotangent.primitive;

import dev.cotangent.Tensor;
import dev.cotangent.kernel.ReduceKernel;

/** Σ over axes; linear: its JVP sums the tangent the same way, its VJP broadcasts ȳ back over the summed axes. */
public final class Sum extends Reduction {

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

    @Override
    protected Reduction over(int[] axes) {
        return new Sum(axes, keepDims);
    }

    /** Its VJP rule needs shapes only. */
    @Override
    public boolean vjpReadsOperands() {
        return false;
    }

    @Override
    public boolean vjpReadsResult() {
        return false;
    }
}
