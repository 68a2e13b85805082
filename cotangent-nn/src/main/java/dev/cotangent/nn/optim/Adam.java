package dev.cotangent.nn.optim;

import dev.cotangent.Tensor;
import dev.cotangent.nn.Params;
import dev.cotangent.tensor.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (Kingma &amp; Ba): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − α m̂/(√v̂ + ε) with bias-corrected
 * m̂, v̂. With a weight decay λ it is either Adam with L2 (λθ added to g) or AdamW (Loshchilov &amp; Hutter:
 * decoupled, θ ← θ − αλθ besides the Adam step).
 */
public final class Adam implements Optimizer<Adam.State> {
    /** The step counter and the first and second moment estimates. */
    public record State(int step, Map<String, Tensor> m, Map<String, Tensor> v) {}

    private final Schedule rate;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;

    public Adam(Schedule rate, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        this.rate = rate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    /** Adam with the usual β₁ = 0.9, β₂ = 0.999, ε = 1e-8 and no weight decay. */
    public static Adam adam(Schedule rate) {
        return new Adam(rate, 0.9, 0.999, 1e-8, 0.0, false);
    }

    public static Adam adam(double rate) {
        return adam(Schedule.constant(rate));
    }

    /** AdamW: Adam with decoupled weight decay λ. */
    public static Adam adamW(Schedule rate, double weightDecay) {
        return new Adam(rate, 0.9, 0.999, 1e-8, weightDecay, true);
    }

    @Override
    public State init(Map<String, Tensor> params) {
        return new State(0, Params.zerosLike(params), Params.zerosLike(params));
    }

    @Override
    public Update<State> step(Map<String, Tensor> params, Map<String, Tensor> grads, State s) {
        Params.requireSameTree(params, grads);
        int t = s.step() + 1;
        double a = rate.at(s.step());
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        Map<String, Tensor> np = new LinkedHashMap<>();
        Map<String, Tensor> nm = new LinkedHashMap<>();
        Map<String, Tensor> nv = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            String k = e.getKey();
            double[] th = e.getValue().value().unsafeData();
            double[] g = grads.get(k).value().unsafeData();
            double[] m0 = s.m().get(k).value().unsafeData();
            double[] v0 = s.v().get(k).value().unsafeData();
            double[] th1 = new double[th.length];
            double[] m1 = new double[th.length];
            double[] v1 = new double[th.length];
            // one branch-free loop per variant, with the bias corrections folded into constants, so it vectorises
            double b1 = beta1;
            double b2 = beta2;
            double inv1 = 1 / c1;
            double inv2 = 1 / c2;
            double wd = weightDecay;
            if (decoupled) {
                for (int i = 0; i < th.length; i++) {
                    double gi = g[i];
                    m1[i] = b1 * m0[i] + (1 - b1) * gi;
                    v1[i] = b2 * v0[i] + (1 - b2) * gi * gi;
                    th1[i] = th[i] - a * (m1[i] * inv1 / (Math.sqrt(v1[i] * inv2) + eps) + wd * th[i]);
                }
            } else {
                for (int i = 0; i < th.length; i++) {
                    double gi = g[i] + wd * th[i];
                    m1[i] = b1 * m0[i] + (1 - b1) * gi;
                    v1[i] = b2 * v0[i] + (1 - b2) * gi * gi;
                    th1[i] = th[i] - a * (m1[i] * inv1 / (Math.sqrt(v1[i] * inv2) + eps));
                }
            }
            var shape = e.getValue().dims();
            np.put(k, Tensor.from(NDArray.wrap(shape, th1)));
            nm.put(k, Tensor.from(NDArray.wrap(shape, m1)));
            nv.put(k, Tensor.from(NDArray.wrap(shape, v1)));
        }
        return new Update<>(np, new State(t, nm, nv));
    }
}
