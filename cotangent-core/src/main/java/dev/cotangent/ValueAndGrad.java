package dev.cotangent;

/** A scalar value f(x) and its gradient ∇f(x), which has x's shape. */
public record ValueAndGrad(Tensor value, Tensor grad) {
    @Override
    public String toString() {
        return "ValueAndGrad(value=" + value + ", grad=" + grad + ")";
    }
}
