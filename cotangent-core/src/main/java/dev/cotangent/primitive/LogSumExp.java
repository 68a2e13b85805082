package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.ReduceKernel;

/**
 * log Σ exp over axes, computed stably (max subtracted first). Its own primitive rather than a composite so that
 * the derivative is the softmax e^{x−y}, which never overflows: ẏ = Σ ẋ·e^{x−y}, x̄ = ȳ·e^{x−y}.
 */
public final class LogSumExp extends Reduction {

    public LogSumExp(int[] axes, boolean keepDims) {
        super(ReduceKernel.Fn.LOGSUMEXP, axes, keepDims);
    }

    @Override
    protected Tensor weight(Tensor x, Tensor y) {
        return Ops.exp(Ops.sub(x, expand(y, x)));
    }

    @Override
    protected Reduction over(int[] axes) {
        return new LogSumExp(axes, keepDims);
    }
}
