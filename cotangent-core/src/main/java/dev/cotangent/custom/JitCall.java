package dev.cotangent.custom;

import dev.cotangent.Tensor;
import dev.cotangent.graph.Composite;
import dev.cotangent.graph.Evaluator;
import dev.cotangent.graph.Graph;
import dev.cotangent.graph.compile.Program;
import dev.cotangent.primitive.Named;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import dev.cotangent.transform.Jvp;
import dev.cotangent.transform.Vjp;
import dev.cotangent.transform.Vmap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A jitted function for one tuple of input shapes as a primitive that carries its graph: evaluated by its compiled
 * {@link Program}, and differentiated and batched by the transforms applied to the graph, themselves jitted (the
 * JVP program, the VJP program and each batched program are compiled once and kept here). So
 * {@code grad(jit(f))} runs a compiled forward pass and a compiled backward pass, and higher derivatives nest.
 */
public final class JitCall extends Named implements Composite {
    private final Jit owner;
    private final List<Shape> in;
    private final Program program;
    private final Shape[] out;
    private volatile Jit jvpProgram;
    private volatile Jit vjpProgram;
    private final Map<String, Jit> batched = new ConcurrentHashMap<>();

    JitCall(Jit owner, List<Shape> in, Program program) {
        this.owner = owner;
        this.in = in;
        this.program = program;
        Graph g = program.graph();
        this.out = new Shape[g.outputs().size()];
        dev.cotangent.graph.Var[] byId = g.byId();
        for (int k = 0; k < out.length; k++) out[k] = byId[g.outputs().get(k)].shape();
    }

    /** The compiled program. */
    public Program program() {
        return program;
    }

    @Override
    public String name() {
        return "jit";
    }

    @Override
    public int arity() {
        return in.size();
    }

    @Override
    public int results() {
        return out.length;
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("f", owner, "shapes", in);
    }

    @Override
    public String toString() {
        return "jit" + in;
    }

    @Override
    public Graph graph(Shape... shapes) {
        if (!List.of(shapes).equals(in)) return owner.program(shapes).graph();
        return program.graph();
    }

    @Override
    public Shape[] shapes(Shape... s) {
        if (!List.of(s).equals(in)) {
            throw new IllegalArgumentException("jit: compiled for inputs of shapes " + in + ", called with "
                    + Arrays.toString(s) + "; call the jitted function itself, which compiles per shapes");
        }
        return out.clone();
    }

    @Override
    public NDArray[] applyAll(NDArray... x) {
        return program.run(x);
    }

    @Override
    public Tensor[] jvpAll(Tensor[] primals, Tensor[] tangents, Tensor[] outs) {
        Jit j = jvpProgram;
        if (j == null) {
            Graph g = program.graph();
            int n = in.size();
            j = new Jit(xs -> Jvp.jvp("jit", ys -> Evaluator.run(g, ys), Arrays.copyOf(xs, n),
                    Arrays.copyOfRange(xs, n, 2 * n)).tangents(), "jit(jvp)");
            jvpProgram = j;
        }
        Tensor[] args = Arrays.copyOf(primals, 2 * primals.length);
        for (int i = 0; i < tangents.length; i++) {
            args[primals.length + i] = tangents[i] != null ? tangents[i] : Tensor.zeros(primals[i].shape());
        }
        return j.apply(args);
    }

    @Override
    public Tensor[] vjpAll(Tensor[] cotangents, Tensor[] primals, Tensor[] outs, boolean[] needed) {
        Jit j = vjpProgram;
        if (j == null) {
            Graph g = program.graph();
            int n = in.size();
            j = new Jit(xs -> Vjp.vjp("jit", ys -> Evaluator.run(g, ys), Arrays.copyOf(xs, n))
                    .pullback(Arrays.copyOfRange(xs, n, xs.length)), "jit(vjp)");
            vjpProgram = j;
        }
        Tensor[] args = Arrays.copyOf(primals, primals.length + out.length);
        for (int k = 0; k < out.length; k++) {
            args[primals.length + k] = cotangents[k] != null ? cotangents[k] : Tensor.zeros(out[k].dims());
        }
        return j.apply(args);
    }

    @Override
    public Tensor[] batchAll(Tensor[] args, boolean[] isBatched, int size) {
        boolean[] b = isBatched.clone();
        Graph g = program.graph();
        Jit j = batched.computeIfAbsent(Arrays.toString(b) + size, k -> new Jit(
                xs -> Vmap.vmap("jit", ys -> Evaluator.run(g, ys), xs, b, size), "jit(vmap)"));
        return j.apply(args);
    }

    /** The VJP program reads the operands (it re-runs the forward graph inside), not the results. */
    @Override
    public boolean vjpReadsResult() {
        return false;
    }
}
