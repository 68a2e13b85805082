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
    protected Tensor weight(Tensor x, Tensor y) {
        return Ops.div(expand(y, x), x);
    }

    @Override
    protected Reduction over(int[] axes) {
        return new Prod(axes, keepDims);
    }
}
