package dev.cotangent;

/**
 * A reverse-mode derivative rule supplied by the user for {@link AD#customVjp}: given the function's inputs, its
 * output y and a cotangent ȳ of y's shape, the cotangent of each input (of that input's shape; {@code null} for
 * zero). Write it with {@link Ops} so that it can be differentiated again.
 */
@FunctionalInterface
public interface VjpRule {
    Tensor[] pullback(Tensor[] inputs, Tensor output, Tensor cotangent);
}
