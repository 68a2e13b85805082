package dev.cotangent;

import dev.cotangent.graph.Graph;
import dev.cotangent.graph.Staging;
import dev.cotangent.primitive.Batching;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import dev.cotangent.trace.BatchTrace;
import dev.cotangent.trace.Eval;
import dev.cotangent.trace.JvpTrace;
import dev.cotangent.trace.Levels;
import dev.cotangent.trace.ReverseTrace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The transforms: functions over functions that return derivatives. Each opens a trace one level above the
 * innermost running one, so they nest to any order (grad(grad(f)), jacfwd(jacrev(f)), hvp of a function that
 * itself calls grad) with no perturbation confusion. Transforms run on the calling thread.
 *
 * <pre>{@code
 * Function<Tensor, Tensor> f = x -> x.mul(x).sum();
 * Tensor g = AD.grad(f).apply(Tensor.of(1, 2, 3));        // [2, 4, 6]
 * Tensor hv = AD.hvp(f, Tensor.of(1, 2, 3), Tensor.of(1, 0, 0));   // [2, 0, 0]
 * }</pre>
 */
public final class AD {
    private AD() {}

    // ------------------------------------------------------------------ forward mode

    /** Forward mode: f(x) and the directional derivative ∂f(x)·v, in one pass. {@code v} has x's shape. */
    public static JvpResult jvp(Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        if (!v.dims().equals(x.dims())) {
            throw new IllegalArgumentException("jvp: tangent of shape " + v.dims() + " for an input of shape " + x.dims()
                    + "; the tangent must have the input's shape");
        }
        JvpTrace trace = new JvpTrace(Levels.push());
        try {
            Tensor out = f.apply(trace.tracer(x, v));
            requireResult("jvp", out);
            Tensor t = trace.tangentOf(out);
            Tensor primal = out instanceof dev.cotangent.trace.Tracer && t != null
                    ? ((dev.cotangent.trace.Tracer) out).primal() : out;
            return new JvpResult(primal, t != null ? t : zerosLike(primal));
        } finally {
            Levels.pop(trace);
        }
    }

    // ------------------------------------------------------------------ reverse mode

    /** Reverse mode: f(x) and its pullback ȳ ↦ ∂f(x)ᵀȳ; f is evaluated (and recorded) once. */
    public static VjpResult vjp(Function<Tensor, Tensor> f, Tensor x) {
        ReverseTrace trace = new ReverseTrace(Levels.push());
        Tensor in;
        Tensor out;
        try {
            in = trace.input(x);
            out = f.apply(in);
            requireResult("vjp", out);
        } finally {
            Levels.pop(trace);
        }
        Tensor value = unwrap(out, trace);
        Tensor input = in;
        return new VjpResult(value, ct -> {
            Tensor g = trace.backward(out, ct, new Tensor[] {input})[0];
            return g != null ? g : zerosLike(x);
        }, trace::savedBytes);
    }

    /** f(x) and ∇f(x) for a scalar-valued f (0-d result); one forward and one backward pass. */
    public static ValueAndGrad valueAndGrad(Function<Tensor, Tensor> f, Tensor x) {
        VjpResult r = vjp(f, x);
        requireScalar("grad", r.value());
        return new ValueAndGrad(r.value(), r.pullback(Tensor.scalar(1.0)));
    }

    /** ∇f for a scalar-valued f: the returned function gives a tensor of x's shape. */
    public static Function<Tensor, Tensor> grad(Function<Tensor, Tensor> f) {
        return x -> valueAndGrad(f, x).grad();
    }

    /** The gradients of a scalar f(x, y) with respect to both arguments, {@code [∂f/∂x, ∂f/∂y]}. */
    public static BiFunction<Tensor, Tensor, Tensor[]> grad(BiFunction<Tensor, Tensor, Tensor> f) {
        return (x, y) -> valueAndGrad(xs -> f.apply(xs[0], xs[1]), new Tensor[] {x, y}).grads().toArray(new Tensor[0]);
    }

    /**
     * f(θ) and its gradient with respect to every named parameter (a model's weights): one forward and one
     * backward pass. The gradients come in the map's iteration order, each of its parameter's shape.
     */
    public static ValueAndGrads valueAndGrad(Function<Map<String, Tensor>, Tensor> f, Map<String, Tensor> params) {
        String[] names = params.keySet().toArray(new String[0]);
        ValueAndGradList r = valueAndGrad(xs -> {
            Map<String, Tensor> m = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) m.put(names[i], xs[i]);
            return f.apply(java.util.Collections.unmodifiableMap(m));
        }, params.values().toArray(new Tensor[0]));
        Map<String, Tensor> grads = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) grads.put(names[i], r.grads().get(i));
        return new ValueAndGrads(r.value(), grads);
    }

    /**
     * f(x₁, …, x_n) and its gradient with respect to each argument: one forward and one backward pass, however
     * many arguments (for instance n scalars of a program written op by op).
     */
    public static ValueAndGradList valueAndGrad(Function<Tensor[], Tensor> f, Tensor[] xs) {
        ReverseTrace trace = new ReverseTrace(Levels.push());
        Tensor[] inputs = new Tensor[xs.length];
        Tensor out;
        try {
            for (int i = 0; i < xs.length; i++) inputs[i] = trace.input(xs[i]);
            out = f.apply(inputs.clone());
            requireResult("grad", out);
        } finally {
            Levels.pop(trace);
        }
        Tensor value = unwrap(out, trace);
        requireScalar("grad", value);
        Tensor[] gs = trace.backward(out, Tensor.scalar(1.0), inputs);
        Tensor[] grads = new Tensor[xs.length];
        for (int i = 0; i < xs.length; i++) grads[i] = gs[i] != null ? gs[i] : zerosLike(xs[i]);
        return new ValueAndGradList(value, java.util.Arrays.asList(grads));
    }

    /** The gradient of f(θ) with respect to every named parameter. */
    public static Map<String, Tensor> grad(Function<Map<String, Tensor>, Tensor> f, Map<String, Tensor> params) {
        return valueAndGrad(f, params).grads();
    }

    // ------------------------------------------------------------------ Jacobians and Hessians

    /**
     * Vectorising map: {@code vmap(f)} applies f to every slice {@code x[i]} along the first axis of its input and
     * stacks the results, by running f once on the whole batch (each primitive's batching rule), not once per
     * slice. f is written for one example; it may call other transforms.
     */
    public static Function<Tensor, Tensor> vmap(Function<Tensor, Tensor> f) {
        return xs -> {
            if (xs.rank() == 0) {
                throw new IllegalArgumentException("vmap: the input is 0-d; it needs a leading batch axis");
            }
            BatchTrace trace = new BatchTrace(Levels.push(), xs.dims().dim(0));
            try {
                Tensor out = f.apply(trace.tracer(xs));
                requireResult("vmap", out);
                return trace.unbatch(out);
            } finally {
                Levels.pop(trace);
            }
        };
    }

    /**
     * The Jacobian by forward mode: the JVPs along every input direction at once (vmap over the basis), so the cost
     * grows with the number of inputs. Result shape: out.shape ++ in.shape.
     */
    public static Function<Tensor, Tensor> jacfwd(Function<Tensor, Tensor> f) {
        return x -> {
            int n = x.size();
            if (n == 0) return Tensor.zeros(concat(f.apply(x).dims(), x.dims()).dims());
            Tensor basis = Tensor.from(NDArray.eye(n).reshape(Batching.prepend(n, x.shape())));
            Tensor cols = vmap(v -> jvp(f, x, v).tangent()).apply(basis);     // [n] ++ out.shape
            Shape outShape = Shape.of(java.util.Arrays.copyOfRange(cols.shape(), 1, cols.rank()));
            Tensor j = Ops.transpose(Ops.reshape(cols, n, outShape.size()));   // [outSize, n]
            return Ops.reshape(j, concat(outShape, x.dims()).dims());
        };
    }

    /**
     * The Jacobian by reverse mode: one recorded evaluation, then the pullbacks of every output direction at once
     * (vmap over the basis), so the cost grows with the number of outputs. Result shape: out.shape ++ in.shape.
     */
    public static Function<Tensor, Tensor> jacrev(Function<Tensor, Tensor> f) {
        return x -> jacrevOf(vjp(f, x), x);
    }

    /**
     * The Jacobian, with the cheaper mode chosen from the sizes (the lecture's rule): reverse when the output has
     * no more elements than the input, forward otherwise. The output size is learnt by staging f on shapes alone
     * (no arithmetic), once per input shape; a function that reads values (Java control flow on {@code item()})
     * cannot be staged, and is then evaluated once more instead. Result shape: out.shape ++ in.shape.
     */
    public static Function<Tensor, Tensor> jacobian(Function<Tensor, Tensor> f) {
        // the way chosen for each input shape (reverse, forward, or evaluate first when f cannot be staged); a
        // stale choice could only cost time, never change the result
        Map<Shape, Integer> way = new java.util.concurrent.ConcurrentHashMap<>();
        return x -> {
            Integer w = way.get(x.dims());
            if (w == null) {
                try {
                    Graph g = stage(in -> new Tensor[] {f.apply(in[0])}, x);
                    w = g.byId()[g.outputs().get(0)].shape().size() <= x.size() ? REVERSE : FORWARD;
                } catch (IllegalStateException valueDependent) {
                    w = EVALUATE;
                }
                way.put(x.dims(), w);
            }
            if (w.equals(EVALUATE)) {
                VjpResult r = vjp(f, x);
                return r.value().size() <= x.size() ? jacrevOf(r, x) : jacfwd(f).apply(x);
            }
            return w.equals(REVERSE) ? jacrev(f).apply(x) : jacfwd(f).apply(x);
        };
    }

    private static final Integer REVERSE = 0;
    private static final Integer FORWARD = 1;
    private static final Integer EVALUATE = 2;

    /** The Hessian ∇²f of a scalar f, forward-over-reverse (jacfwd of grad). Shape in.shape ++ in.shape. */
    public static Function<Tensor, Tensor> hessian(Function<Tensor, Tensor> f) {
        return jacfwd(grad(f));
    }

    /**
     * The Hessian-vector product ∇²f(x)·v = ∂/∂ε ∇f(x + εv), forward-over-reverse: one JVP of the gradient, never
     * forming the Hessian (cost a small multiple of one gradient).
     */
    public static Tensor hvp(Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        return jvp(grad(f), x, v).tangent();
    }

    // ------------------------------------------------------------------ utilities

    /**
     * Gradient checkpointing: the same function, but reverse mode records it as one step, keeping only its
     * arguments and its result, and runs it again during the backward sweep to get its derivative. Use it on a
     * segment of a long computation (a block of layers, K steps of a recurrence) to trade one extra evaluation of
     * the segment for the memory of its intermediate values. Every tensor to differentiate with respect to must
     * be an argument: a traced tensor captured from outside is refused with an error.
     */
    public static Function<Tensor[], Tensor> checkpoint(Function<Tensor[], Tensor> f) {
        return xs -> {
            if (xs.length == 0) throw new IllegalArgumentException("checkpoint: the function needs at least one argument");
            return Ops.apply(new Checkpoint(f, xs.length), xs);
        };
    }

    /**
     * The function with a reverse-mode derivative you supply (a numerically stable gradient, a straight-through
     * estimator, a clipped gradient, an implicit derivative): reverse mode records it as one step and calls
     * {@code rule} for its pullback. Forward mode (jvp, jacfwd) differentiates {@code f} itself. Every tensor to
     * differentiate with respect to must be an argument of {@code f}. Under vmap the rule runs for every example;
     * reverse mode over forward mode (grad of a jvp) differentiates {@code f}, not the rule.
     */
    public static Function<Tensor[], Tensor> customVjp(Function<Tensor[], Tensor> f, VjpRule rule) {
        return xs -> {
            if (xs.length == 0) throw new IllegalArgumentException("customVjp: the function needs at least one argument");
            return Ops.apply(new CustomVjp(f, rule, xs.length), xs);
        };
    }

    /** The identity on values, with zero derivative for every enclosing transform. */
    public static Tensor stopGradient(Tensor x) {
        return Ops.stopGradient(x);
    }

    /**
     * Runs {@code body} in anomaly mode: every operation checks that finite operands gave a finite result, and
     * a {@link dev.cotangent.NonFiniteException} names the first op that produced NaN or ±∞ (in the forward
     * or the backward pass). Slower; for debugging.
     */
    public static <T> T detectAnomaly(Supplier<T> body) {
        boolean old = Eval.setAnomalyMode(true);
        try {
            return body.get();
        } finally {
            Eval.setAnomalyMode(old);
        }
    }

    private static Tensor jacrevOf(VjpResult r, Tensor x) {
        int m = r.value().size();
        Shape outShape = r.value().dims();
        if (m == 0) return Tensor.zeros(concat(outShape, x.dims()).dims());
        Tensor basis = Tensor.from(NDArray.eye(m).reshape(Batching.prepend(m, outShape.dims())));
        Tensor rows = vmap(r::pullback).apply(basis);                      // [m] ++ in.shape
        return Ops.reshape(rows, concat(outShape, x.dims()).dims());
    }

    private static Shape concat(Shape a, Shape b) {
        int[] d = new int[a.rank() + b.rank()];
        System.arraycopy(a.dims(), 0, d, 0, a.rank());
        System.arraycopy(b.dims(), 0, d, a.rank(), b.rank());
        return Shape.of(d);
    }

    private static Tensor zerosLike(Tensor x) {
        return Tensor.zeros(x.shape());
    }

    private static Tensor unwrap(Tensor out, ReverseTrace trace) {
        return out instanceof dev.cotangent.trace.Tracer && ((dev.cotangent.trace.Tracer) out).trace() == trace
                ? ((dev.cotangent.trace.Tracer) out).primal() : out;
    }

    private static void requireResult(String transform, Tensor out) {
        if (out == null) {
            throw new IllegalArgumentException(transform + ": the function returned null; it must return a Tensor");
        }
    }

    private static void requireScalar(String transform, Tensor value) {
        if (value.rank() != 0) {
            throw new IllegalArgumentException(transform + ": the function returned a tensor of shape " + value.dims()
                    + ", but grad needs a scalar (0-d) output. Reduce it (e.g. .sum() or .mean()), or use AD.vjp for a "
                    + "vector-Jacobian product or AD.jacobian for the full Jacobian.");
        }
    }

    // ------------------------------------------------------------------ staging

    /**
     * Stages {@code f} to a {@link Graph} instead of computing it: f runs once on shape-only tracers (the example
     * inputs give shapes; their values are not used) and every primitive it binds becomes a node. It composes
     * with the other transforms: staging a function that calls {@code grad} records the forward ops and the
     * ops of the VJP rules, i.e. the gradient program. {@code value()} or {@code item()} on a staged tensor
     * throws {@link IllegalStateException}: control flow on values cannot be staged.
     *
     * <pre>{@code
     * Graph g = AD.stage(in -> new Tensor[] {AD.grad(f).apply(in[0])}, Tensor.scalar(2));
     * }</pre>
     */
    public static Graph stage(Function<Tensor[], Tensor[]> f, Tensor... exampleInputs) {
        return Staging.stage(f, exampleInputs);
    }
}
