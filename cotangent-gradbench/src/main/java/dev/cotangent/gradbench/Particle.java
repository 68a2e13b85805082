package dev.cotangent.gradbench;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.List;
import java.util.function.Function;

/**
 * particle: a charged particle falls through the field of two charges, one placed by w; the landing point's square
 * Φ(w) is minimised by gradient descent. The acceleration −∇ₓp is the inner gradient, dΦ/dw the outer one, taken
 * through the whole trajectory (and the inner gradients) by the mode the function name gives.
 */
final class Particle implements Eval {
    @Override
    public String name() {
        return "particle";
    }

    @Override
    public List<String> functions() {
        return Nested.WAYS;
    }

    /** Φ(w) with the inner gradient by {@code inner} mode. */
    static Tensor landing(Tensor w, char inner) {
        Tensor c1 = Ops.stack(0, Tensor.scalar(10), Tensor.scalar(10).sub(w));
        Tensor c2 = Tensor.of(10, 0);
        Function<Tensor, Tensor> potential = x -> distanceInverse(x, c1).add(distanceInverse(x, c2));
        Function<Tensor, Tensor> force = Nested.gradient(inner, potential);
        Tensor x = Tensor.of(0, 8);
        Tensor v = Tensor.of(0.75, 0);
        double dt = 0.1;
        while (true) {
            Tensor a = force.apply(x).neg();
            x = x.add(v.mul(dt));
            Tensor y = Ops.slice(x, 0, 1, 2).reshape();
            if (y.item() <= 0) {
                Tensor tau = y.neg().div(Ops.slice(v, 0, 1, 2).reshape());
                Tensor landed = Ops.slice(x, 0, 0, 1).reshape().add(tau.mul(Ops.slice(v, 0, 0, 1).reshape()));
                return landed.mul(landed);
            }
            v = v.add(a.mul(dt));
        }
    }

    private static Tensor distanceInverse(Tensor x, Tensor c) {
        Tensor d = x.sub(c);
        return Ops.reciprocal(d.mul(d).sum().sqrt());
    }

    @Override
    public Prepared<?> prepare(String function, In input) {
        if (!Nested.WAYS.contains(function)) throw unknownFunction(function);
        Tensor w0 = Tensor.scalar(input.field("w").number());
        char outer = function.charAt(0);
        char inner = function.charAt(1);
        Function<Tensor, Tensor> phi = w -> landing(w, inner);
        return Prepared.of(() -> Descent.argmin(phi, Nested.gradient(outer, phi), w0), (r, out) -> out.number(r.item()));
    }
}
