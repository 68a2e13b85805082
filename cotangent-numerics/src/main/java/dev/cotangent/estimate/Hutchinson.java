package dev.cotangent.estimate;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Hutchinson's estimator of the trace of a Hessian without forming it: tr(∇²f(x)) = E[vᵀ∇²f(x)v] for random v
 * with independent ±1 entries (Rademacher), each sample costing one Hessian-vector product (forward-over-reverse,
 * a small multiple of one gradient). The estimate is unbiased; for a diagonal Hessian every sample is exact.
 */
public final class Hutchinson {
    private Hutchinson() {}

    /** The mean of {@code samples} values vᵀ∇²f(x)v with seeded Rademacher v; f maps a 1-d x to a scalar. */
    public static double trace(Function<Tensor, Tensor> f, Tensor x, int samples, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("Hutchinson.trace: " + samples + " samples; give 1 or more");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double sum = 0;
        for (int s = 0; s < samples; s++) {
            double[] v = new double[x.size()];
            for (int i = 0; i < v.length; i++) v[i] = rng.nextBoolean() ? 1.0 : -1.0;
            Tensor vt = Tensor.from(NDArray.of(x.dims(), v));
            double[] hv = AD.hvp(f, x, vt).toArray();
            double q = 0;
            for (int i = 0; i < v.length; i++) q += v[i] * hv[i];
            sum += q;
        }
        return sum / samples;
    }
}
