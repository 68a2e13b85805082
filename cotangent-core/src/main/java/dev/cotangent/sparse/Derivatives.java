package dev.cotangent.sparse;

import dev.cotangent.Tensor;
import dev.cotangent.transform.Jacobians;
import dev.cotangent.transform.Jvp;
import dev.cotangent.transform.Vjp;
import dev.cotangent.transform.Vmap;
import java.util.function.Function;

/**
 * The batched products this package is built on, each one vmap over a stack of seed vectors (one pass, not a
 * loop): JVPs ∂f(x)·s, VJPs ∂f(x)ᵀu from one recorded evaluation, and Hessian-vector products ∇²f(x)·v
 * (forward over reverse).
 */
final class Derivatives {
    private Derivatives() {}

    /** ∇f(x) for a scalar f; {@code transform} names the user's call in the error for a non-scalar f. */
    static Tensor gradient(String transform, Function<Tensor, Tensor> f, Tensor x) {
        Vjp.Pullback r = Vjp.vjp(transform, a -> new Tensor[] {f.apply(a[0])}, x);
        Tensor v = r.values()[0];
        if (v.rank() != 0) {
            throw new IllegalArgumentException(transform + ": f returned a tensor of shape " + v.dims()
                    + "; the Hessian needs a scalar (0-d) f: [n] → []");
        }
        return r.pullback(Tensor.scalar(1.0))[0];
    }

    /** The JVP of f at x along each row of {@code seeds} ([s, n] ↦ [s] ++ f(x).shape). */
    static Tensor jvps(String transform, Function<Tensor, Tensor> f, Tensor x, Tensor seeds) {
        return Vmap.vmap(transform, v -> Jvp.jvp(transform, a -> new Tensor[] {f.apply(a[0])}, new Tensor[] {x},
                new Tensor[] {v}).tangents()[0], seeds);
    }

    /** The pullback of each row of {@code seeds} ([s] ++ f(x).shape ↦ [s, n]). */
    static Tensor vjps(String transform, Vjp.Pullback r, Tensor seeds) {
        return Vmap.vmap(transform, u -> r.pullback(u)[0], seeds);
    }

    /** ∇²f(x)·v for each row v of {@code seeds} ([s, n] ↦ [s, n]); f scalar. */
    static Tensor hvps(String transform, Function<Tensor, Tensor> f, Tensor x, Tensor seeds) {
        return Vmap.vmap(transform, v -> Jacobians.hvp(g -> gradient(transform, f, g), x, v), seeds);
    }
}
