package dev.cotangent.nn.optim;

import dev.cotangent.Tensor;
import dev.cotangent.nn.Params;
import dev.cotangent.tensor.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (Kingma &amp; Ba): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − α m̂/(√v̂ + ε) with bias-corrected
 * m̂, v̂. With a weight decay λ it is either Adam with L2 (λθ added to g) or AdamW (Loshchilov &amp; Hutter:
 * decoupled, θ ← θ − αλθ besides the Adam step). {@link #update} is the same step on arrays, in place
 * ({@link FusedUpdate}; {@link InPlace} uses it).
 */
public final class Adam implements Optimizer<Adam.State>, FusedUpdate {
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
        Map<String, Tensor> np = new LinkedHashMap<>();
        Map<String, Tensor> nm = new LinkedHashMap<>();
        Map<String, Tensor> nv = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            String k = e.getKey();
            double[] th = e.getValue().value().unsafeData();
            double[] th1 = new double[th.length];
            double[] m1 = new double[th.length];
            double[] v1 = new double[th.length];
            loop(s.step(), th, grads.get(k).value().unsafeData(), s.m().get(k).value().unsafeData(),
                    s.v().get(k).value().unsafeData(), th1, m1, v1);
            var shape = e.getValue().dims();
            np.put(k, Tensor.from(NDArray.wrap(shape, th1)));
            nm.put(k, Tensor.from(NDArray.wrap(shape, m1)));
            nv.put(k, Tensor.from(NDArray.wrap(shape, v1)));
        }
        return new Update<>(np, new State(s.step() + 1, nm, nv));
    }

    /** Two slots: the first and second moments. */
    @Override
    public int slots() {
        return 2;
    }

    @Override
    public void update(int step, double[] theta, double[] grad, double[][] slots, double[] out) {
        FusedUpdate.check("Adam.update", 2, theta, grad, slots, out);
        loop(step, theta, grad, slots[0], slots[1], out, slots[0], slots[1]);
    }

    /**
     * Step {@code step} from (th, m0, v0) to (th1, m1, v1); each output may be its input (each index is read
     * before it is written). One branch-free loop per variant with the bias corrections folded into
     * constants, so it vectorises.
     */
    private void loop(int step, double[] th, double[] g, double[] m0, double[] v0, double[] th1, double[] m1,
                      double[] v1) {
        int t = step + 1;
        double a = rate.at(step);
        double b1 = beta1;
        double b2 = beta2;
        double inv1 = 1 / (1 - Math.pow(beta1, t));
        double inv2 = 1 / (1 - Math.pow(beta2, t));
        double wd = weightDecay;
        if (decoupled) {
            for (int i = 0; i < th.length; i++) {
                double gi = g[i];
                double thi = th[i];
                double mi = b1 * m0[i] + (1 - b1) * gi;
                double vi = b2 * v0[i] + (1 - b2) * gi * gi;
                m1[i] = mi;
                v1[i] = vi;
                th1[i] = thi - a * (mi * inv1 / (Math.sqrt(vi * inv2) + eps) + wd * thi);
            }
        } else {
            for (int i = 0; i < th.length; i++) {
                double thi = th[i];
                double gi = g[i] + wd * thi;
                double mi = b1 * m0[i] + (1 - b1) * gi;
                double vi = b2 * v0[i] + (1 - b2) * gi * gi;
                m1[i] = mi;
                v1[i] = vi;
                th1[i] = thi - a * (mi * inv1 / (Math.sqrt(vi * inv2) + eps));
            }
        }
    }
}
