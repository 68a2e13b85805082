package dev.cotangent.gradbench;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import java.util.List;
import java.util.function.Function;

/**
 * The four ways of particle and saddle, {@code rr}, {@code ff}, {@code fr}, {@code rf}: the outer (first letter)
 * and inner (second) gradients by reverse mode ({@code AD.grad}) or forward mode ({@code AD.jacfwd}, which for a
 * scalar function of n inputs is n JVPs batched by vmap, giving the gradient's shape).
 */
final class Nested {
    private Nested() {}

    static final List<String> WAYS = List.of("rr", "ff", "fr", "rf");

    /** The gradient of a scalar function by reverse ({@code 'r'}) or forward ({@code 'f'}) mode. */
    static Function<Tensor, Tensor> gradient(char mode, Function<Tensor, Tensor> f) {
        return mode == 'r' ? AD.grad(f) : AD.jacfwd(f);
    }
}
