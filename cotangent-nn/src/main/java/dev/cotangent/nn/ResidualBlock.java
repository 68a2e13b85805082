package dev.cotangent.nn;

import dev.cotangent.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The residual block of the lecture, h(x, θ) = x + θ₂ ρ(θ₁ x + b₁), written for a batch of rows as
 * {@code x + ρ(x·theta1 + b1)·theta2}: parameters {@code theta1} [dim, hidden], {@code b1} [hidden] and
 * {@code theta2} [hidden, dim]. The output has the input's shape, so blocks chain (a ResNet is an Euler
 * discretisation x_{k+1} = x_k + u(x_k, θ_k)).
 */
public final class ResidualBlock implements Module {
    private final int dim;
    private final int hidden;
    private final Activation rho;

    public ResidualBlock(int dim, int hidden, Activation rho) {
        this.dim = dim;
        this.hidden = hidden;
        this.rho = rho;
    }

    @Override
    public Map<String, Tensor> init(SplittableRandom rng) {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("theta1", Tensor.from(rho.init().sample(rng, dim, hidden, dim, hidden)));
        p.put("b1", Tensor.zeros(hidden));
        // A small second layer keeps each block close to the identity at the start.
        p.put("theta2", Tensor.from(Init.XAVIER.scaled(0.5).sample(rng, hidden, dim, hidden, dim)));
        return p;
    }

    @Override
    public Tensor apply(Map<String, Tensor> params, Tensor x) {
        Tensor inner = rho.apply(x.matmul(Params.get(params, "theta1")).add(Params.get(params, "b1")));
        return x.add(inner.matmul(Params.get(params, "theta2")));
    }
}
