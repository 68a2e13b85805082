package dev.cotangent;

import java.util.List;

/** A scalar value f(x₁, …, x_n) and its gradient with respect to each argument, in order. */
public record ValueAndGradList(Tensor value, List<Tensor> grads) {
    @Override
    public String toString() {
        return "ValueAndGradList(value=" + value + ", grads=" + Printing.tree(grads) + ")";
    }
}
