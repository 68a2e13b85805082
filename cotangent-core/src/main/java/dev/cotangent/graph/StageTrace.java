package dev.cotangent.graph;

import dev.cotangent.Tensor;
import dev.cotangent.primitive.Primitive;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import dev.cotangent.trace.ShapeOnly;
import dev.cotangent.trace.Trace;
import dev.cotangent.trace.Tracer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Staging at one level: instead of computing, each primitive call is recorded as a {@link Node}
 * {@code x_k = p(x_parents)} whose result shapes come from the primitive's shape rule. Its tracers carry a shape
 * and a variable id, never a value, so Java control flow on values ({@link Tensor#value()},
 * {@link Tensor#item()}) throws {@link dev.cotangent.trace.ValueDependenceException}. Concrete tensors met as
 * operands become constants.
 *
 * <p>Because transforms nest by level, staging a transformed function records what that transform binds: for
 * {@code stage(grad(f))} the reverse trace runs inside, binds the forward ops and then, in its backward sweep,
 * the ops of the VJP rules, and all of them land here: the gradient program, with no symbolic differentiator.
 * Variables are numbered in order of creation (inputs, constants and results share one numbering), which is a
 * topological order. It builds the graph IR directly: {@link #graph} is the program recorded so far.
 */
public final class StageTrace extends Trace {
    private final List<Input> inputs = new ArrayList<>();
    private final List<Constant> constants = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Tensor, Integer> constantIds = new IdentityHashMap<>();
    private int vars;

    public StageTrace(int level) {
        super(level, "stage");
    }

    /** A new input variable of {@code shape}, as a tracer of this trace. */
    public Tensor input(Shape shape) {
        int id = vars++;
        inputs.add(new Input(id, null, shape));
        return new StageTracer(this, shape, id);
    }

    /**
     * The variable that stands for {@code t} in the staged program: its own if {@code t} is a tracer of this
     * trace, a (shared) constant if {@code t} is concrete. A tracer of another transform cannot be staged.
     */
    public int varOf(Tensor t) {
        if (t instanceof StageTracer && ((StageTracer) t).trace == this) return ((StageTracer) t).id;
        if (t instanceof Tracer) {
            Trace other = ((Tracer) t).trace();
            throw new IllegalStateException("stage: the staged function uses a tensor traced by " + other.transform()
                    + " (level " + other.level() + ") that is not one of its inputs; staging records only its own "
                    + "inputs and concrete constants, so pass that tensor to the staged function as an input");
        }
        Integer known = constantIds.get(t);
        if (known != null) return known;
        NDArray v = t.value();
        int id = vars++;
        constants.add(new Constant(id, v));
        constantIds.put(t, id);
        return id;
    }

    @Override
    public Tensor[] process(Primitive p, Tensor[] args) {
        Integer[] parents = new Integer[args.length];
        Shape[] in = new Shape[args.length];
        for (int i = 0; i < args.length; i++) {
            parents[i] = varOf(args[i]);
            in[i] = args[i].dims();
        }
        Shape[] out;
        try {
            out = p.shapes(in);
        } catch (dev.cotangent.tensor.TooLargeException e) {
            if (e.getMessage().startsWith(p.name() + ":")) throw e;
            throw new dev.cotangent.tensor.TooLargeException(p.name() + " on operands of shapes "
                    + java.util.Arrays.toString(in) + ": " + e.getMessage());
        }
        if (out == null || out.length != p.results()) {
            throw new IllegalStateException(p.name() + ": its shape rule gave " + (out == null ? "null" : out.length
                    + " shape(s)") + " for " + p.results() + " result(s)");
        }
        Integer[] ids = new Integer[out.length];
        Tensor[] r = new Tensor[out.length];
        for (int k = 0; k < out.length; k++) {
            ids[k] = vars++;
            r[k] = new StageTracer(this, out[k], ids[k]);
        }
        nodes.add(new Node(List.of(ids), p, List.of(parents), List.of(out)));
        return r;
    }

    /** The program recorded so far, with these variables as its outputs. */
    public Graph graph(List<Integer> outputs) {
        return new Graph(inputs, constants, nodes, outputs);
    }

    /** A variable of the staged program: a shape and an id, no value. */
    private static final class StageTracer extends Tracer {
        private final StageTrace trace;
        final int id;

        StageTracer(StageTrace trace, Shape shape, int id) {
            super(ShapeOnly.staged(shape));
            this.trace = trace;
            this.id = id;
        }

        @Override
        public Trace trace() {
            return trace;
        }

        @Override
        public NDArray value() {
            throw ShapeOnly.noValue(dims());
        }

        @Override
        public String toString() {
            return "StageTracer<level " + level() + ">(v" + id + ": " + dims() + ")";
        }
    }
}
