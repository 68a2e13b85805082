package dev.cotangent.transform;

import dev.cotangent.Tensor;
import dev.cotangent.trace.ReverseTrace;
import dev.cotangent.trace.Scope;
import dev.cotangent.trace.Tracer;
import java.util.function.Function;

/**
 * Reverse mode: f(x) recorded once on a tape, then pulled back as often as wanted: ȳ ↦ ∂f(x)ᵀȳ, one
 * backward sweep per call.
 */
public final class Vjp {
    private Vjp() {}

    /** The recorded evaluation of a function: its results and its pullback. */
    public static final class Pullback {
        private final String transform;
        private final ReverseTrace trace;
        private final Tensor[] inputs;
        private final Tensor[] outputs;
        private final Tensor[] values;
        private final Tensor[] x;

        private Pullback(String transform, ReverseTrace trace, Tensor[] x, Tensor[] inputs, Tensor[] outputs) {
            this.transform = transform;
            this.trace = trace;
            this.x = x;
            this.inputs = inputs;
            this.outputs = outputs;
            this.values = new Tensor[outputs.length];
            for (int k = 0; k < outputs.length; k++) {
                Tensor o = outputs[k];
                values[k] = o instanceof Tracer t && t.trace() == trace ? t.primal() : o;
            }
        }

        /** The results f(x), one per output. */
        public Tensor[] values() {
            return values.clone();
        }

        /**
         * ∂f(x)ᵀȳ: the cotangent of each input (zeros where f does not depend on it) for a cotangent per result
         * ({@code null}: zero), each of its result's shape.
         */
        public Tensor[] pullback(Tensor... cotangents) {
            if (cotangents.length != values.length) {
                throw new IllegalArgumentException(transform + ": " + cotangents.length + " cotangents for "
                        + values.length + " results");
            }
            for (int k = 0; k < values.length; k++) {
                Tensor c = cotangents[k];
                if (c != null && !c.dims().equals(values[k].dims())) {
                    throw new IllegalArgumentException("pullback: cotangent of shape " + c.dims() + " for an output of "
                            + "shape " + values[k].dims() + "; the cotangent must have the output's shape");
                }
            }
            Tensor[] g = trace.backward(outputs, cotangents, inputs);
            for (int i = 0; i < g.length; i++) if (g[i] == null) g[i] = Results.zerosLike(x[i]);
            return g;
        }

        /** Bytes of values the tape keeps for the pullback (distinct arrays). */
        public long savedBytes() {
            return trace.savedBytes();
        }
    }

    /** Records f at {@code x} for reverse mode. {@code transform} names the user's call in messages. */
    public static Pullback vjp(String transform, Function<Tensor[], Tensor[]> f, Tensor... x) {
        Results.requireInputs(transform, x);
        try (Scope<ReverseTrace> s = Scope.open(level -> new ReverseTrace(level, transform))) {
            ReverseTrace trace = s.trace();
            Tensor[] in = new Tensor[x.length];
            for (int i = 0; i < x.length; i++) in[i] = trace.input(x[i]);
            Tensor[] out = Results.require(transform, f.apply(in.clone()));
            return new Pullback(transform, trace, x.clone(), in, out);
        }
    }
}
