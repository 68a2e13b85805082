package dev.cotangent.transform;

import dev.cotangent.Tensor;
import dev.cotangent.graph.Evaluator;
import dev.cotangent.graph.Graph;
import java.util.function.Function;

/**
 * Forward mode split in two (JAX's {@code linearize}): f is evaluated once at x, and what remains of its JVP is
 * the linear map v ↦ ∂f(x)·v, kept as a staged {@link Graph} whose constants are the partial derivatives already
 * computed at x. Each later tangent costs only that linear program, not another evaluation of f.
 *
 * <p>How: the JVP of f at a concrete x is staged with the tangent as the graph's input. The primal computation
 * involves no staged value, so it runs at once (and Java control flow on values works); only the operations that
 * touch the tangent are recorded. When x itself is traced by an enclosing transform, a graph could not hold it as
 * a constant, and each call runs the JVP again instead (same numbers, no saving).
 */
public final class Linearize {
    private Linearize() {}

    /** f(x), and the JVP at x as a function of the tangents (one per input, of its shape). */
    public record Out(Tensor[] primals, Function<Tensor[], Tensor[]> jvp, Graph graph) {}

    /** Linearizes f at x; {@code transform} names the user's call in messages. */
    public static Out linearize(String transform, Function<Tensor[], Tensor[]> f, Tensor[] x) {
        Results.requireInputs(transform, x);
        boolean concrete = true;
        for (Tensor t : x) concrete &= t.level() == 0;
        if (!concrete) {
            Tensor[] primals = Jvp.jvp(transform, f, x, new Tensor[x.length]).primals();
            return new Out(primals, v -> Jvp.jvp(transform, f, x, check(transform, x, v)).tangents(), null);
        }
        Tensor[][] primals = new Tensor[1][];
        Graph g = Stage.stage(v -> {
            Jvp.Out o = Jvp.jvp(transform, f, x, v);
            primals[0] = o.primals();
            return o.tangents();
        }, x);
        return new Out(primals[0], v -> Evaluator.run(g, check(transform, x, v)), g);
    }

    private static Tensor[] check(String transform, Tensor[] x, Tensor[] v) {
        if (v.length != x.length) {
            throw new IllegalArgumentException(transform + ": " + v.length + " tangents for " + x.length + " inputs");
        }
        for (int i = 0; i < x.length; i++) {
            if (v[i] == null || !v[i].dims().equals(x[i].dims())) {
                throw new IllegalArgumentException(transform + ": tangent " + (v[i] == null ? "null" : "of shape "
                        + v[i].dims()) + " for an input of shape " + x[i].dims() + "; the tangent must have the "
                        + "input's shape");
            }
        }
        return v;
    }
}
