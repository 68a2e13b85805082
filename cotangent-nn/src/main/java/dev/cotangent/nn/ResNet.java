package dev.cotangent.nn;

import dev.cotangent.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A residual network: {@code in} (a {@link Linear} map to the width, then ρ), {@code blocks} residual blocks
 * {@code block0, block1, ...} ({@link ResidualBlock}), and {@code out} (a linear read-out, e.g. to logits).
 */
public final class ResNet implements Module {
    private final Linear in;
    private final ResidualBlock[] blocks;
    private final Linear out;
    private final Activation rho;

    public ResNet(int inputs, int width, int hidden, int blocks, int outputs, Activation rho) {
        this.rho = rho;
        this.in = new Linear(inputs, width, rho.init());
        this.blocks = new ResidualBlock[blocks];
        for (int k = 0; k < blocks; k++) this.blocks[k] = new ResidualBlock(width, hidden, rho);
        this.out = new Linear(width, outputs, Init.XAVIER);
    }

    @Override
    public Map<String, Tensor> init(SplittableRandom rng) {
        Map<String, Tensor> p = new LinkedHashMap<>();
        Params.putAll(p, "in", in.init(rng));
        for (int k = 0; k < blocks.length; k++) Params.putAll(p, "block" + k, blocks[k].init(rng));
        Params.putAll(p, "out", out.init(rng));
        return p;
    }

    @Override
    public Tensor apply(Map<String, Tensor> params, Tensor x) {
        Tensor h = rho.apply(in.apply(Params.scope(params, "in"), x));
        for (int k = 0; k < blocks.length; k++) h = blocks[k].apply(Params.scope(params, "block" + k), h);
        return out.apply(Params.scope(params, "out"), h);
    }
}
