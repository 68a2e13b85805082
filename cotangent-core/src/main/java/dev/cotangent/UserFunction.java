package dev.cotangent;

import dev.cotangent.graph.Graph;
import dev.cotangent.primitive.Primitive;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import dev.cotangent.trace.BatchTrace;
import dev.cotangent.trace.Levels;
import dev.cotangent.trace.Tracer;
import java.util.function.Function;

/**
 * A user's function of n tensors made into one primitive, whose inside no trace records: the base of
 * {@link Checkpoint} and {@link CustomVjp}, which differ in their VJP rule. Its value, shape, JVP and batching
 * rules are the function itself under the transforms (eval, stage, jvp, vmap).
 */
abstract class UserFunction extends dev.cotangent.primitive.Named implements dev.cotangent.primitive.OneResult {
    protected final Function<Tensor[], Tensor> f;
    private final int arity;
    private final String name;

    UserFunction(String name, Function<Tensor[], Tensor> f, int arity) {
        this.name = name;
        this.f = f;
        this.arity = arity;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int arity() {
        return arity;
    }

    /** Two of them are the same operation only if they wrap the same function object. */
    @Override
    public java.util.Map<String, Object> params() {
        return java.util.Map.of("f", f);
    }

    @Override
    public final Shape shape(Shape... in) {
        Tensor[] examples = new Tensor[in.length];
        for (int i = 0; i < in.length; i++) examples[i] = Tensor.zeros(in[i].dims());
        Graph g = AD.stage(xs -> new Tensor[] {f.apply(xs)}, examples);
        return g.byId()[g.outputs().get(0)].shape();
    }

    @Override
    public final NDArray apply(NDArray... in) {
        Tensor[] xs = new Tensor[in.length];
        for (int i = 0; i < in.length; i++) xs[i] = Tensor.from(in[i]);
        Tensor out = f.apply(xs);
        if (out instanceof Tracer) {
            throw new IllegalArgumentException(name + ": the function's result depends on a traced tensor it "
                    + "captured from outside (" + out + "); pass every tensor you differentiate with respect to as an "
                    + "argument of the function instead of closing over it");
        }
        return out.value();
    }

    /**
     * Forward mode differentiates the function itself, one JVP per operand that has a tangent (so reverse mode
     * over forward mode, such as grad of a jvp, differentiates the function, not a custom rule).
     */
    @Override
    public final Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out) {
        Tensor sum = null;
        for (int i = 0; i < arity; i++) {
            if (tangents[i] == null) continue;
            int k = i;
            Tensor t = AD.jvp(xi -> f.apply(with(primals, k, xi)), primals[i], tangents[i]).tangent();
            sum = sum == null ? t : Ops.add(sum, t);
        }
        return sum;
    }

    /**
     * Batching makes a batched copy of this primitive (its function and rule vmapped), so that a reverse trace
     * outside the vmap still records one step with this primitive's own VJP rule.
     */
    @Override
    public final Tensor batch(Tensor[] args, boolean[] batched, int size) {
        return Ops.apply(batchedCopy(batched.clone(), size), args);
    }

    /** This primitive for operands where {@code batched[i]} carry a leading batch axis of {@code size}. */
    protected abstract UserFunction batchedCopy(boolean[] batched, int size);

    /** {@code g} applied to every example: operands with {@code batched[i]} carry a leading batch axis. */
    protected static Function<Tensor[], Tensor> vmapped(Function<Tensor[], Tensor> g, boolean[] batched, int size) {
        return args -> {
            BatchTrace trace = new BatchTrace(Levels.push(), size);
            try {
                Tensor[] xs = new Tensor[args.length];
                for (int i = 0; i < args.length; i++) xs[i] = batched[i] ? trace.tracer(args[i]) : args[i];
                return trace.unbatch(g.apply(xs));
            } finally {
                Levels.pop(trace);
            }
        };
    }

    private static Tensor[] with(Tensor[] xs, int i, Tensor xi) {
        Tensor[] c = xs.clone();
        c[i] = xi;
        return c;
    }
}
