package dev.cotangent.estimate;

import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGrads;
import dev.cotangent.optim.Objective;
import dev.cotangent.optim.Ravel;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The two-point random-direction estimator G = d · (L(w + εv) − L(w − εv)) / (2ε) · v with v uniform on the
 * unit sphere of R^d: two evaluations whatever d, and unbiased up to O(ε²) because E[d v vᵀ] = I. Its
 * variance grows like d‖∇L‖², which is why zero-order descent is about d times slower per step.
 *
 * <p>As an {@link Objective} it draws a fresh direction from its seeded generator at each call (the same seed
 * gives the same sequence), and reports as value the mean (L(w + εv) + L(w − εv))/2 = L(w) + O(ε²), so a
 * step costs exactly two evaluations. Not thread-safe.
 */
public final class TwoPoint implements Objective {
    private final Function<Map<String, Tensor>, Tensor> loss;
    private final double eps;
    private final SplittableRandom rng;

    public TwoPoint(Function<Map<String, Tensor>, Tensor> loss, double eps, long seed) {
        if (!(eps > 0)) throw new IllegalArgumentException("TwoPoint: eps " + eps + " must be > 0");
        this.loss = loss;
        this.eps = eps;
        this.rng = new SplittableRandom(seed);
    }

    @Override
    public ValueAndGrads evaluate(Map<String, Tensor> params) {
        return estimate(loss, params, eps, rng);
    }

    /** One estimate with a direction drawn from {@code rng}. */
    public static ValueAndGrads estimate(Function<Map<String, Tensor>, Tensor> loss, Map<String, Tensor> params,
                                         double eps, SplittableRandom rng) {
        double[] w = Ravel.flatten(params);
        int d = w.length;
        double[] v = sphere(d, rng);
        double[] plus = new double[d];
        double[] minus = new double[d];
        for (int i = 0; i < d; i++) {
            plus[i] = w[i] + eps * v[i];
            minus[i] = w[i] - eps * v[i];
        }
        double fp = FiniteDifference.value(loss, plus, params);
        double fm = FiniteDifference.value(loss, minus, params);
        double c = d * (fp - fm) / (2 * eps);
        double[] g = new double[d];
        for (int i = 0; i < d; i++) g[i] = c * v[i];
        return new ValueAndGrads(Tensor.scalar(0.5 * (fp + fm)), Ravel.unflatten(g, params));
    }

    /** A point uniform on the unit sphere of R^d: a standard normal vector, normalised. */
    public static double[] sphere(int d, SplittableRandom rng) {
        double[] v = new double[d];
        double n2 = 0;
        while (n2 == 0) {
            for (int i = 0; i < d; i++) {
                v[i] = rng.nextGaussian();
                n2 += v[i] * v[i];
            }
        }
        double n = Math.sqrt(n2);
        for (int i = 0; i < d; i++) v[i] /= n;
        return v;
    }
}
