package dev.cotangent;

/** A scalar value f(x) and its gradient ∇f(x), which has x's shape. */
public record ValueAndGrad(Tensor value, Tensor grad) {}
