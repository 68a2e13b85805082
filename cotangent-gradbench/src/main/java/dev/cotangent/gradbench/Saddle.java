package dev.cotangent.gradbench;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.List;
import java.util.function.Function;

/**
 * saddle: the saddle point of f(p, q) = ‖p‖² − ‖q‖² by nested gradient descent. F(p) = f(p, argmax_q f(p, q)) runs
 * the inner descent (∇_q f by the inner mode) on tensors, so the outer gradient ∇F (outer mode) is taken through
 * every step of it; p* = argmin F, then q* = argmax_q f(p*, q). Output [p*₀, p*₁, q*₀, q*₁].
 */
final class Saddle implements Eval {
    @Override
    public String name() {
        return "saddle";
    }

    @Override
    public List<String> functions() {
        return Nested.WAYS;
    }

    static Tensor f(Tensor p, Tensor q) {
        return p.mul(p).sum().sub(q.mul(q).sum());
    }

    static Tensor innerArgmax(Tensor p, Tensor start, char inner) {
        Function<Tensor, Tensor> fq = q -> f(p, q);
        return Descent.argmax(fq, Nested.gradient(inner, fq), start);
    }

    static Tensor saddle(Tensor start, char outer, char inner) {
        Function<Tensor, Tensor> bigF = p -> f(p, innerArgmax(p, start, inner));
        Tensor p = Descent.argmin(bigF, Nested.gradient(outer, bigF), start);
        return Ops.concat(0, p, innerArgmax(p, start, inner));
    }

    @Override
    public Prepared<?> prepare(String function, In input) {
        if (!Nested.WAYS.contains(function)) throw unknownFunction(function);
        Tensor start = Tensor.of(input.field("start").doubles(2, "a starting point (s0, s1)"));
        return Prepared.of(() -> saddle(start, function.charAt(0), function.charAt(1)), (r, out) -> out.array(r.toArray()));
    }
}
