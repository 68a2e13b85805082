package dev.cotangent.estimate;

import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGrads;
import dev.cotangent.optim.Objective;
import dev.cotangent.optim.Ravel;
import java.util.Map;
import java.util.function.Function;

/**
 * The finite-difference gradient, coordinate by coordinate: forward ∂_i L ≈ (L(w + εe_i) − L(w))/ε with
 * d + 1 evaluations (error O(ε)), or central ∂_i L ≈ (L(w + εe_i) − L(w − εe_i))/(2ε) with 2d evaluations
 * (error O(ε²)). Only values of L are used; L is called on concrete parameters.
 */
public final class FiniteDifference {
    /** Which difference quotient. */
    public enum Scheme { FORWARD, CENTRAL }

    private FiniteDifference() {}

    /** The estimated gradient tree. */
    public static Map<String, Tensor> gradient(Function<Map<String, Tensor>, Tensor> loss, Map<String, Tensor> params,
                                               double eps, Scheme scheme) {
        return estimate(loss, params, eps, scheme).grads();
    }

    /**
     * An objective whose gradient is the finite-difference estimate. Its value is L(w) for FORWARD (which
     * evaluates it anyway) and, for CENTRAL, the mean of the 2d evaluations, L(w) + O(ε²), so that a step
     * costs exactly 2d evaluations.
     */
    public static Objective objective(Function<Map<String, Tensor>, Tensor> loss, double eps, Scheme scheme) {
        return params -> estimate(loss, params, eps, scheme);
    }

    private static ValueAndGrads estimate(Function<Map<String, Tensor>, Tensor> loss, Map<String, Tensor> params,
                                          double eps, Scheme scheme) {
        if (!(eps > 0)) throw new IllegalArgumentException("FiniteDifference: eps " + eps + " must be > 0");
        double[] w = Ravel.flatten(params);
        double[] g = new double[w.length];
        double sum = 0;
        double f0 = scheme == Scheme.FORWARD ? value(loss, w, params) : Double.NaN;
        for (int i = 0; i < w.length; i++) {
            double wi = w[i];
            w[i] = wi + eps;
            double fp = value(loss, w, params);
            if (scheme == Scheme.FORWARD) {
                g[i] = (fp - f0) / eps;
            } else {
                w[i] = wi - eps;
                double fm = value(loss, w, params);
                g[i] = (fp - fm) / (2 * eps);
                sum += fp + fm;
            }
            w[i] = wi;
        }
        double v = scheme == Scheme.FORWARD ? f0 : sum / (2.0 * Math.max(1, w.length));
        return new ValueAndGrads(Tensor.scalar(v), Ravel.unflatten(g, params));
    }

    static double value(Function<Map<String, Tensor>, Tensor> loss, double[] w, Map<String, Tensor> template) {
        return loss.apply(Ravel.unflatten(w, template)).item();
    }
}
