package dev.cotangent.trace;

import dev.cotangent.Tensor;
import dev.cotangent.primitive.Primitive;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Staging at one level: instead of computing, each primitive call is recorded as an equation
 * {@code x_k = p(x_parents)} whose result shape comes from the primitive's shape rule. Its tracers carry a shape
 * and a variable number, never a value, so Java control flow on values ({@link Tensor#value()},
 * {@link Tensor#item()}) throws {@link IllegalStateException}. Concrete tensors met as operands become constants.
 *
 * <p>Because transforms nest by level, staging a transformed function records what that transform binds: for
 * {@code stage(grad(f))} the reverse trace runs inside, binds the forward ops and then, in its backward sweep,
 * the ops of the VJP rules, and all of them land here: the gradient program, with no symbolic differentiator.
 * Variables are numbered in order of creation (inputs, constants and equations share one numbering), which is a
 * topological order.
 */
public final class StageTrace extends Trace {
    private final List<Shape> shapes = new ArrayList<>();
    private final List<Input> inputs = new ArrayList<>();
    private final List<Constant> constants = new ArrayList<>();
    private final List<Equation> equations = new ArrayList<>();
    private final Map<Tensor, Integer> constantIds = new IdentityHashMap<>();

    public StageTrace(int level) {
        super(level, "stage");
    }

    /** An input of the staged program: a variable with this shape and no value. */
    public record Input(int id, Shape shape) {}

    /** A concrete value the program uses (a literal of the function or of a derivative rule). */
    public record Constant(int id, NDArray value) {}

    /** One recorded primitive call: variable {@code id} is {@code primitive(parents)}, of shape {@code shape}. */
    public record Equation(int id, Primitive primitive, List<Integer> parents, Shape shape) {}

    /** A new input variable of {@code shape}, as a tracer of this trace. */
    public Tensor input(Shape shape) {
        int id = newVar(shape);
        inputs.add(new Input(id, shape));
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
        int id = newVar(v.shape());
        constants.add(new Constant(id, v));
        constantIds.put(t, id);
        return id;
    }

    @Override
    public Tensor process(Primitive p, Tensor[] args) {
        Integer[] parents = new Integer[args.length];
        Shape[] in = new Shape[args.length];
        for (int i = 0; i < args.length; i++) {
            parents[i] = varOf(args[i]);
            in[i] = args[i].dims();
        }
        Shape out = p.shape(in);
        int id = newVar(out);
        equations.add(new Equation(id, p, List.of(parents), out));
        return new StageTracer(this, out, id);
    }

    /** The inputs, in the order they were created. */
    public List<Input> inputs() {
        return Collections.unmodifiableList(inputs);
    }

    /** The constants, in the order they were first used. */
    public List<Constant> constants() {
        return Collections.unmodifiableList(constants);
    }

    /** The recorded equations, in the order they ran (a topological order). */
    public List<Equation> equations() {
        return Collections.unmodifiableList(equations);
    }

    private int newVar(Shape s) {
        shapes.add(s);
        return shapes.size() - 1;
    }

    /** A variable of the staged program: a shape and a number, no value. */
    static final class StageTracer extends Tracer {
        private final StageTrace trace;
        final int id;

        StageTracer(StageTrace trace, Shape shape, int id) {
            super(new Abstract(shape));
            this.trace = trace;
            this.id = id;
        }

        @Override
        public Trace trace() {
            return trace;
        }

        @Override
        public NDArray value() {
            throw Abstract.noValue(dims());
        }

        @Override
        public String toString() {
            return "StageTracer<level " + level() + ">(v" + id + ": " + dims() + ")";
        }
    }

    /** The placeholder primal of a stage tracer: a shape without a value. */
    private static final class Abstract extends Tensor {
        Abstract(Shape shape) {
            super(shape);
        }

        static IllegalStateException noValue(Shape s) {
            return new IllegalStateException("stage: a staged tensor (shape " + s + ") has no value while the "
                    + "function is being staged; only its shape is known. Control flow on values (value(), item(), "
                    + "toArray(), if/while on a number) cannot be staged: use Ops.where for a data-dependent choice, "
                    + "or call the function without staging");
        }

        @Override
        public int level() {
            return 0;
        }

        @Override
        public NDArray value() {
            throw noValue(dims());
        }

        @Override
        public String toString() {
            return "Abstract(" + dims() + ")";
        }
    }
}
