package dev.cotangent.nn;

import dev.cotangent.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One step of an Elman recurrent network, h_{k+1} = tanh(W h_k + U x_k + b), for batches of rows:
 * {@code tanh(h·W + x·U + b)} with parameters {@code W} [hidden, hidden], {@code U} [inputs, hidden] and
 * {@code b} [hidden]. The same parameters are used at every step.
 */
public final class ElmanCell {
    private final int inputs;
    private final int hidden;

    public ElmanCell(int inputs, int hidden) {
        this.inputs = inputs;
        this.hidden = hidden;
    }

    /** Fresh parameters: Xavier input weights, recurrent weights scaled down for a stable start. */
    public Map<String, Tensor> init(SplittableRandom rng) {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("W", Tensor.from(Init.normal(0.5 / Math.sqrt(hidden)).sample(rng, hidden, hidden, hidden, hidden)));
        p.put("U", Tensor.from(Init.XAVIER.sample(rng, inputs, hidden, inputs, hidden)));
        p.put("b", Tensor.zeros(hidden));
        return p;
    }

    /** h_{k+1} from h_k [batch, hidden] and x_k [batch, inputs]. */
    public Tensor step(Map<String, Tensor> params, Tensor h, Tensor x) {
        return h.matmul(Params.get(params, "W")).add(x.matmul(Params.get(params, "U")))
                .add(Params.get(params, "b")).tanh();
    }

    /** The states h_1..h_T for a sequence x of shape [batch, T, inputs], from h_0 = 0. */
    public Tensor[] run(Map<String, Tensor> params, Tensor x) {
        if (x.rank() != 3 || x.dims().dim(2) != inputs) {
            throw new IllegalArgumentException("ElmanCell.run: input of shape " + x.dims()
                    + "; expected [batch, steps, " + inputs + "]");
        }
        int batch = x.dims().dim(0);
        int steps = x.dims().dim(1);
        Tensor h = Tensor.zeros(batch, hidden);
        Tensor[] states = new Tensor[steps];
        for (int t = 0; t < steps; t++) {
            Tensor xt = dev.cotangent.Ops.slice(x, 1, t, t + 1).reshape(batch, inputs);
            h = step(params, h, xt);
            states[t] = h;
        }
        return states;
    }

    public int hidden() {
        return hidden;
    }
}
