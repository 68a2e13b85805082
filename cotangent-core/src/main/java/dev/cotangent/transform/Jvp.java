package dev.cotangent.transform;

import dev.cotangent.Tensor;
import dev.cotangent.trace.JvpTrace;
import dev.cotangent.trace.Scope;
import dev.cotangent.trace.Tracer;
import java.util.function.Function;

/**
 * Forward mode: f(x) and ∂f(x)·v in one pass, by running f on tracers that carry (primal, tangent) pairs
 * (dual numbers x + vε) at a new level.
 */
public final class Jvp {
    private Jvp() {}

    /** The results f(x) and their tangents ∂f(x)·v (zeros, never null, where a result does not depend on x). */
    public record Out(Tensor[] primals, Tensor[] tangents) {}

    /**
     * Forward mode of a function of several tensors with several results; {@code v[i]} is the tangent of
     * {@code x[i]} (of its shape; {@code null}: zero). {@code transform} names the user's call in messages.
     */
    public static Out jvp(String transform, Function<Tensor[], Tensor[]> f, Tensor[] x, Tensor[] v) {
        Results.requireInputs(transform, x);
        if (v.length != x.length) {
            throw new IllegalArgumentException(transform + ": " + v.length + " tangents for " + x.length + " inputs");
        }
        for (int i = 0; i < x.length; i++) {
            if (v[i] != null && !v[i].dims().equals(x[i].dims())) {
                throw new IllegalArgumentException(transform + ": tangent of shape " + v[i].dims() + " for an input of "
                        + "shape " + x[i].dims() + "; the tangent must have the input's shape");
            }
        }
        try (Scope<JvpTrace> s = Scope.open(level -> new JvpTrace(level, transform))) {
            JvpTrace trace = s.trace();
            Tensor[] in = new Tensor[x.length];
            for (int i = 0; i < x.length; i++) in[i] = trace.tracer(x[i], v[i]);
            Tensor[] out = Results.require(transform, f.apply(in));
            Tensor[] primals = new Tensor[out.length];
            Tensor[] tangents = new Tensor[out.length];
            for (int k = 0; k < out.length; k++) {
                Tensor t = trace.tangentOf(out[k]);
                primals[k] = t != null ? ((Tracer) out[k]).primal() : out[k];
                tangents[k] = t != null ? t : Results.zerosLike(primals[k]);
            }
            return new Out(primals, tangents);
        }
    }
}
