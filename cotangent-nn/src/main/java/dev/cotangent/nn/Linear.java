package dev.cotangent.nn;

import dev.cotangent.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The affine layer y = x·W + b for a batch x of rows: parameters {@code w} of shape [in, out] and, unless
 * disabled, {@code b} of shape [out].
 */
public final class Linear implements Module {
    private final int in;
    private final int out;
    private final boolean bias;
    private final Init init;

    /** A layer with a bias and weights drawn by {@code init}. */
    public Linear(int in, int out, Init init) {
        this(in, out, true, init);
    }

    public Linear(int in, int out, boolean bias, Init init) {
        if (in < 1 || out < 1) throw new IllegalArgumentException("Linear: sizes " + in + " -> " + out + " must be >= 1");
        this.in = in;
        this.out = out;
        this.bias = bias;
        this.init = init;
    }

    @Override
    public Map<String, Tensor> init(SplittableRandom rng) {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("w", Tensor.from(init.sample(rng, in, out, in, out)));
        if (bias) p.put("b", Tensor.zeros(out));
        return p;
    }

    @Override
    public Tensor apply(Map<String, Tensor> params, Tensor x) {
        if (x.dims().dim(-1) != in) {
            throw new IllegalArgumentException("Linear(" + in + " -> " + out + "): input of shape " + x.dims()
                    + " has " + x.dims().dim(-1) + " features in its last axis, expected " + in);
        }
        Tensor y = x.matmul(Params.get(params, "w"));
        return bias ? y.add(Params.get(params, "b")) : y;
    }

    public int in() {
        return in;
    }

    public int out() {
        return out;
    }
}
