package dev.cotangent;

import java.util.Map;

/** A scalar value f(θ) and its gradient with respect to each named parameter, in the parameters' order. */
public record ValueAndGrads(Tensor value, Map<String, Tensor> grads) {
    @Override
    public String toString() {
        return "ValueAndGrads(value=" + value + ", grads=" + grads + ")";
    }
}
