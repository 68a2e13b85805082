package dev.cotangent.estimate;

import dev.cotangent.Tensor;
import java.util.function.Function;

/**
 * Hutchinson's estimator of the trace of a Hessian without forming it: tr(∇²f(x)) = E[vᵀ∇²f(x)v] for random v
 * with independent ±1 entries (Rademacher). A thin use of core's {@link dev.cotangent.sparse.Hutchinson}, which
 * has the estimator with its standard error, Gaussian probes, Hutch++ and the diagonal estimator, all from one
 * batched pass of Hessian-vector products; kept here for the callers of this signature.
 */
public final class Hutchinson {
    private Hutchinson() {}

    /** The mean of {@code samples} values vᵀ∇²f(x)v with seeded Rademacher v; f maps x to a scalar. */
    public static double trace(Function<Tensor, Tensor> f, Tensor x, int samples, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("Hutchinson.trace: " + samples + " samples; give 1 or more");
        }
        return dev.cotangent.sparse.Hutchinson.trace(f, x, samples, dev.cotangent.sparse.Hutchinson.Probe.RADEMACHER,
                seed).value();
    }
}
