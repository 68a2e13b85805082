package dev.cotangent;

/** The value f(x) and the tangent ∂f(x)·v of a forward-mode product. */
public record JvpResult(Tensor value, Tensor tangent) {
    @Override
    public String toString() {
        return "JvpResult(value=" + value + ", tangent=" + tangent + ")";
    }
}
