package dev.cotangent;

/** The value f(x) and the tangent ∂f(x)·v of a forward-mode product. */
public record JvpResult(Tensor value, Tensor tangent) {}
