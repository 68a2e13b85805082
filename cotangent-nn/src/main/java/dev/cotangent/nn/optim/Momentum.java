package dev.cotangent.nn.optim;

import dev.cotangent.Tensor;
import dev.cotangent.nn.Params;
import dev.cotangent.tensor.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SGD with momentum: v_{t+1} = β v_t + g_t, then θ_{t+1} = θ_t − α v_{t+1} (heavy ball) or, with Nesterov's
 * look-ahead, θ_{t+1} = θ_t − α (g_t + β v_{t+1}). {@link #update} is the same step on arrays, in place
 * ({@link FusedUpdate}).
 */
public final class Momentum implements Optimizer<Momentum.State>, FusedUpdate {
    /** The step counter and the velocity (a tree like the parameters). */
    public record State(int step, Map<String, Tensor> velocity) {}

    private final Schedule rate;
    private final double beta;
    private final boolean nesterov;

    public Momentum(Schedule rate, double beta, boolean nesterov) {
        if (beta < 0 || beta >= 1) throw new IllegalArgumentException("Momentum: beta " + beta + " must be in [0, 1)");
        this.rate = rate;
        this.beta = beta;
        this.nesterov = nesterov;
    }

    public Momentum(double rate, double beta, boolean nesterov) {
        this(Schedule.constant(rate), beta, nesterov);
    }

    @Override
    public State init(Map<String, Tensor> params) {
        return new State(0, Params.zerosLike(params));
    }

    @Override
    public Update<State> step(Map<String, Tensor> params, Map<String, Tensor> grads, State state) {
        Params.requireSameTree(params, grads);
        Map<String, Tensor> np = new LinkedHashMap<>();
        Map<String, Tensor> nv = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            String k = e.getKey();
            double[] th = e.getValue().value().unsafeData();
            double[] th1 = new double[th.length];
            double[] v1 = new double[th.length];
            loop(state.step(), th, grads.get(k).value().unsafeData(), state.velocity().get(k).value().unsafeData(),
                    th1, v1);
            np.put(k, Tensor.from(NDArray.wrap(e.getValue().dims(), th1)));
            nv.put(k, Tensor.from(NDArray.wrap(e.getValue().dims(), v1)));
        }
        return new Update<>(np, new State(state.step() + 1, nv));
    }

    /** One slot: the velocity. */
    @Override
    public int slots() {
        return 1;
    }

    @Override
    public void update(int step, double[] theta, double[] grad, double[][] slots, double[] out) {
        FusedUpdate.check("Momentum.update", 1, theta, grad, slots, out);
        loop(step, theta, grad, slots[0], out, slots[0]);
    }

    /** Step {@code step} from (th, v0) to (th1, v1); each output may be its input. */
    private void loop(int step, double[] th, double[] g, double[] v0, double[] th1, double[] v1) {
        double na = -rate.at(step);
        double b = beta;
        if (nesterov) {
            for (int i = 0; i < th.length; i++) {
                double gi = g[i];
                double vi = gi + b * v0[i];
                v1[i] = vi;
                th1[i] = th[i] + na * (gi + b * vi);
            }
        } else {
            for (int i = 0; i < th.length; i++) {
                double vi = g[i] + b * v0[i];
                v1[i] = vi;
                th1[i] = th[i] + na * vi;
            }
        }
    }
}
