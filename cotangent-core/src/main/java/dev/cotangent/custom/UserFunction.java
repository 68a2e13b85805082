package dev.cotangent.custom;

import dev.cotangent.Tensor;
import dev.cotangent.graph.Composite;
import dev.cotangent.graph.Graph;
import dev.cotangent.primitive.Named;
import dev.cotangent.primitive.OneResult;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import dev.cotangent.trace.Tracer;
import dev.cotangent.transform.Jvp;
import dev.cotangent.transform.Stage;
import dev.cotangent.transform.Vjp;
import dev.cotangent.transform.Vmap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A user's function of n tensors made into one primitive, whose inside no trace records: the base of
 * {@link Checkpoint}, {@link CustomVjp} and {@link CustomJvp}, which differ in their derivative rules. It is
 * evaluated by calling the function (so Java control flow on values works eagerly) and carries the function's
 * {@link Graph}, staged once per operand shapes, which its shape rule reads and printers show.
 */
public abstract class UserFunction extends Named implements OneResult, Composite {
    protected final Function<Tensor[], Tensor> f;
    private final int arity;
    private final String name;
    private final Map<List<Shape>, Graph> graphs = new ConcurrentHashMap<>();

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

    /** Two of them are the same operation only if they wrap the same function object (and rule). */
    @Override
    public Map<String, Object> params() {
        return Map.of("f", f);
    }

    /** Its name: the function and rule objects print as nothing a reader could use. */
    @Override
    public String toString() {
        return name;
    }

    @Override
    public final Graph graph(Shape... in) {
        List<Shape> key = List.of(in);
        Graph g = graphs.get(key);
        if (g == null) {
            g = Stage.stage(xs -> new Tensor[] {f.apply(xs)}, in);
            graphs.put(key, g);
        }
        return g;
    }

    @Override
    public Shape shape(Shape... in) {
        Graph g = graph(in);
        return g.byId()[g.outputs().get(0)].shape();
    }

    @Override
    public final NDArray apply(NDArray... in) {
        Tensor[] xs = new Tensor[in.length];
        for (int i = 0; i < in.length; i++) xs[i] = Tensor.from(in[i]);
        Tensor out = f.apply(xs);
        if (out == null) throw new IllegalArgumentException(name + ": the function returned null; return a Tensor");
        if (out instanceof Tracer) {
            throw new IllegalArgumentException(name + ": the function's result depends on a traced tensor it "
                    + "captured from outside (" + out + "); pass every tensor you differentiate with respect to as an "
                    + "argument of the function instead of closing over it");
        }
        return out.value();
    }

    /** Forward mode of the function itself, every operand's tangent at once. */
    final Tensor jvpOfFunction(Tensor[] primals, Tensor[] tangents) {
        return Jvp.jvp(name, xs -> new Tensor[] {f.apply(xs)}, primals.clone(), tangents.clone()).tangents()[0];
    }

    /** The VJP by recomputing the function, recorded, then one backward sweep from {@code cotangent}. */
    final Tensor[] vjpOfFunction(Tensor cotangent, Tensor[] primals) {
        return Vjp.vjp(name, xs -> new Tensor[] {f.apply(xs)}, primals.clone()).pullback(cotangent);
    }

    /**
     * Batching makes a batched copy of this primitive (its function and rules vmapped), so that a reverse trace
     * outside the vmap still records one step with this primitive's own rules.
     */
    @Override
    public final Tensor batch(Tensor[] args, boolean[] batched, int size) {
        return dev.cotangent.Ops.apply(batchedCopy(batched.clone(), size), args);
    }

    /** This primitive for operands where {@code batched[i]} carry a leading batch axis of {@code size}. */
    protected abstract UserFunction batchedCopy(boolean[] batched, int size);

    /** {@code g} applied to every example: operands with {@code batched[i]} carry a leading batch axis. */
    static Function<Tensor[], Tensor> vmapped(String name, Function<Tensor[], Tensor> g, boolean[] batched, int size) {
        return args -> Vmap.vmap(name, xs -> new Tensor[] {g.apply(xs)}, args, batched, size)[0];
    }

    /** {@code a} followed by {@code b}. */
    static <T> T[] join(T[] a, T[] b) {
        T[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Checks that a rule's cotangents match the operands in count and shape. */
    static Tensor[] checkCotangents(String name, Tensor[] gs, Tensor[] primals) {
        if (gs == null || gs.length != primals.length) {
            throw new IllegalArgumentException(name + ": the rule returned " + (gs == null ? "null" : gs.length
                    + " cotangents") + " for " + primals.length + " inputs; return one per input (null for zero)");
        }
        for (int i = 0; i < gs.length; i++) {
            if (gs[i] != null && !gs[i].dims().equals(primals[i].dims())) {
                throw new IllegalArgumentException(name + ": the rule's cotangent " + i + " has shape " + gs[i].dims()
                        + " but input " + i + " has shape " + primals[i].dims()
                        + "; a cotangent must have its input's shape");
            }
        }
        return gs;
    }
}
