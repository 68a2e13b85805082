package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.ReduceKernel;

/**
 * Π over axes; ∂y/∂x_i = y/x_i. Known limit: where an x_i is exactly 0 this gives NaN (0/0) instead of the
 * product of the others; anomaly mode names this op when it happens.
 */
public final class Prod extends Reduction {

    public Prod(int[] axes, boolean keepDims) {
        super(ReduceKernel.Fn.PROD, axes, keepDims);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        return reduceLike(Ops.mul(t[0], Ops.div(expand(y, x[0]), x[0])));
    }

    @Override
    public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
        return new Tensor[] {Ops.mul(expand(ct, x[0]), Ops.div(expand(y, x[0]), x[0]))};
    }

    @Override
    protected Reduction over(int[] axes) {
        return new Prod(axes, keepDims);
    }
}
