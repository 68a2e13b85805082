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
 * A user function turned into one primitive whose inside is not recorded (gradient checkpointing): reverse mode
 * keeps only its operands and its result, and its VJP rule runs the function again under a fresh reverse trace
 * to pull the cotangent back. Memory for the function's intermediate values is traded for one more evaluation.
 * Its rules are the transforms themselves, so it nests like any primitive. See {@link AD#checkpoint}.
 */
final class Checkpoint extends Primitive {
    private final Function<Tensor[], Tensor> f;
    private final int arity;

    Checkpoint(Function<Tensor[], Tensor> f, int arity) {
        this.f = f;
        this.arity = arity;
    }

    @Override
    public String name() {
        return "checkpoint";
    }

    @Override
    public int arity() {
        return arity;
    }

    /** Two checkpoints are the same operation only if they wrap the same function object. */
    @Override
    public java.util.Map<String, Object> params() {
        return java.util.Map.of("f", f);
    }

    @Override
    public Shape shape(Shape... in) {
        Tensor[] examples = new Tensor[in.length];
        for (int i = 0; i < in.length; i++) examples[i] = Tensor.zeros(in[i].dims());
        Graph g = AD.stage(xs -> new Tensor[] {f.apply(xs)}, examples);
        return g.byId()[g.outputs().get(0)].shape();
    }

    @Override
    public NDArray apply(NDArray... in) {
        Tensor[] xs = new Tensor[in.length];
        for (int i = 0; i < in.length; i++) xs[i] = Tensor.from(in[i]);
        Tensor out = f.apply(xs);
        if (out instanceof Tracer) {
            throw new IllegalArgumentException("checkpoint: the function's result depends on a traced tensor it "
                    + "captured from outside (" + out + "); pass every tensor you differentiate with respect to as an "
                    + "argument of the checkpointed function instead of closing over it");
        }
        return out.value();
    }

    @Override
    public Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out) {
        Tensor sum = null;
        for (int i = 0; i < arity; i++) {
            if (tangents[i] == null) continue;
            int k = i;
            Tensor t = AD.jvp(xi -> f.apply(with(primals, k, xi)), primals[i], tangents[i]).tangent();
            sum = sum == null ? t : Ops.add(sum, t);
        }
        return sum;
    }

    @Override
    public Tensor[] vjp(Tensor cotangent, Tensor[] primals, Tensor out, boolean[] needed) {
        // ∂f(x)ᵀȳ is the gradient of ⟨f(x), ȳ⟩: one recomputation of f, recorded, then one backward sweep
        return AD.valueAndGrad(xs -> Ops.sum(Ops.mul(f.apply(xs), cotangent)), primals.clone()).grads()
                .toArray(new Tensor[0]);
    }

    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        BatchTrace trace = new BatchTrace(Levels.push(), size);
        try {
            Tensor[] xs = new Tensor[args.length];
            for (int i = 0; i < args.length; i++) xs[i] = batched[i] ? trace.tracer(args[i]) : args[i];
            return trace.unbatch(f.apply(xs));
        } finally {
            Levels.pop(trace);
        }
    }

    private static Tensor[] with(Tensor[] xs, int i, Tensor xi) {
        Tensor[] c = xs.clone();
        c[i] = xi;
        return c;
    }

    /** Its VJP rule reads the operands, not the result. */
    @Override
    public boolean vjpReadsResult() {
        return false;
    }
}
