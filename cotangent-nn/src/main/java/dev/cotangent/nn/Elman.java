package dev.cotangent.nn;

import dev.cotangent.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A sequence model: an {@link ElmanCell} ({@code cell.W, cell.U, cell.b}) run over the steps of an input of
 * shape [batch, T, inputs], then a linear read-out ({@code out.w, out.b}) of the last state h_T.
 */
public final class Elman implements Module {
    private final ElmanCell cell;
    private final Linear out;

    public Elman(int inputs, int hidden, int outputs) {
        this.cell = new ElmanCell(inputs, hidden);
        this.out = new Linear(hidden, outputs, Init.XAVIER);
    }

    @Override
    public Map<String, Tensor> init(SplittableRandom rng) {
        Map<String, Tensor> p = new LinkedHashMap<>();
        Params.putAll(p, "cell", cell.init(rng));
        Params.putAll(p, "out", out.init(rng));
        return p;
    }

    @Override
    public Tensor apply(Map<String, Tensor> params, Tensor x) {
        Tensor[] states = cell.run(Params.scope(params, "cell"), x);
        return out.apply(Params.scope(params, "out"), states[states.length - 1]);
    }
}
