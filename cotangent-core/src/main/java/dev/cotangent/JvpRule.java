package dev.cotangent;

/**
 * A forward-mode derivative rule supplied by the user for {@link AD#customJvp}: given the function's inputs,
 * a tangent of each input (of its shape; zeros where an input has none) and the function's output y, the
 * tangent of y. It must be linear in the tangents (reverse mode transposes it). Write it with {@link Ops} so
 * that it can be differentiated again.
 */
@FunctionalInterface
public interface JvpRule {
    Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out);
}
