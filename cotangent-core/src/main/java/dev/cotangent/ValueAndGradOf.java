package dev.cotangent;

/** A scalar value f(θ) and its gradient, a tree of θ's structure and shapes. */
public record ValueAndGradOf<T>(Tensor value, T grad) {
    @Override
    public String toString() {
        return "ValueAndGradOf(value=" + value + ", grad=" + Printing.tree(grad) + ")";
    }
}
