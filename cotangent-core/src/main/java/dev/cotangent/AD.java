package dev.cotangent;

import dev.cotangent.custom.Checkpoint;
import dev.cotangent.custom.CustomJvp;
import dev.cotangent.custom.CustomVjp;
import dev.cotangent.graph.Graph;
import dev.cotangent.sparse.Chain;
import dev.cotangent.sparse.SparseHessian;
import dev.cotangent.sparse.SparseJacobian;
import dev.cotangent.sparse.SparseOptions;
import dev.cotangent.trace.Eval;
import dev.cotangent.transform.Jacobians;
import dev.cotangent.transform.OnTrees;
import dev.cotangent.transform.Jvp;
import dev.cotangent.transform.Linearize;
import dev.cotangent.transform.Partial;
import dev.cotangent.transform.Stage;
import dev.cotangent.transform.Vjp;
import dev.cotangent.transform.Vmap;
import dev.cotangent.tree.Layout;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The transforms: functions over functions that return derivatives. Each opens a trace one level above the
 * innermost running one, so they nest to any order (grad(grad(f)), jacfwd(jacrev(f)), hvp of a function that
 * itself calls grad) with no perturbation confusion. Transforms run on the calling thread. This class is a
 * facade of short methods over {@code dev.cotangent.transform} and {@code dev.cotangent.custom}.
 *
 * <p>Functions of trees: besides tensors, {@link #valueAndGrad(Function, Object)}, {@link #vjp(Function, Object)},
 * {@link #jvp(Function, Object, Object)} and {@link #jacobian(Function, Object)} accept a function of any
 * structure of tensors that {@link dev.cotangent.tree.Trees} flattens (arrays, lists, maps with string keys,
 * records, nested), and give derivatives of the same structure.
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
        Jvp.Out r = Jvp.jvp("jvp", one(f), new Tensor[] {x}, new Tensor[] {v});
        return new JvpResult(r.primals()[0], r.tangents()[0]);
    }

    /**
     * Forward mode of a function of a tree with a tree of results: f(x) and ∂f(x)·v, where {@code tangents} has
     * the structure and shapes of {@code primals}; the tangent has the structure of f's result.
     */
    public static <X, Y> JvpOf<Y> jvp(Function<X, Y> f, X primals, X tangents) {
        return OnTrees.jvp(f, primals, tangents);
    }

    // ------------------------------------------------------------------ reverse mode

    /** Reverse mode: f(x) and its pullback ȳ ↦ ∂f(x)ᵀȳ; f is evaluated (and recorded) once. */
    public static VjpResult vjp(Function<Tensor, Tensor> f, Tensor x) {
        Vjp.Pullback r = Vjp.vjp("vjp", one(f), x);
        return new VjpResult(r.values()[0], ct -> r.pullback(ct)[0], r::savedBytes);
    }

    /**
     * Reverse mode of a function of a tree with a tree of results (several inputs, several outputs): f(x) and
     * its pullback, which takes a cotangent of the result's structure and gives one of the input's.
     */
    public static <X, Y> VjpOf<X, Y> vjp(Function<X, Y> f, X primals) {
        return OnTrees.vjp(f, primals);
    }

    /** f(x) and ∇f(x) for a scalar-valued f (0-d result); one forward and one backward pass. */
    public static ValueAndGrad valueAndGrad(Function<Tensor, Tensor> f, Tensor x) {
        Vjp.Pullback r = Vjp.vjp("grad", one(f), x);
        Tensor value = requireScalar("grad", r.values()[0]);
        return new ValueAndGrad(value, r.pullback(Tensor.scalar(1.0))[0]);
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
        Vjp.Pullback r = Vjp.vjp("grad", a -> new Tensor[] {f.apply(a)}, xs);
        Tensor value = requireScalar("grad", r.values()[0]);
        return new ValueAndGradList(value, Arrays.asList(r.pullback(Tensor.scalar(1.0))));
    }

    /**
     * A scalar f(θ) of a tree of parameters (a record, a list, nested maps...) and its gradient, a tree of the
     * same structure: one forward and one backward pass.
     */
    public static <T> ValueAndGradOf<T> valueAndGrad(Function<T, Tensor> f, T params) {
        return OnTrees.valueAndGrad(f, params, v -> requireScalar("grad", v));
    }

    /** The gradient of f(θ) with respect to every named parameter. */
    public static Map<String, Tensor> grad(Function<Map<String, Tensor>, Tensor> f, Map<String, Tensor> params) {
        return valueAndGrad(f, params).grads();
    }

    // ------------------------------------------------------------------ argnums, auxiliary results, linearize, vmap axes

    /**
     * f(x₁, …, x_n) and its gradients with respect to the arguments {@code argnums} only, in that order (JAX's
     * {@code argnums}; none given: all); the others are held constant. {@code AD.valueAndGrad((Tensor[] a) ->
     * a[0].mul(a[1]).sum(), new Tensor[] {x, y}, 1)} gives ∂f/∂y alone.
     */
    public static ValueAndGradList valueAndGrad(Function<Tensor[], Tensor> f, Tensor[] xs, int... argnums) {
        Tensor[] r = Partial.valueAndGrad("grad", f, xs, argnums);
        return new ValueAndGradList(r[0], Arrays.asList(Arrays.copyOfRange(r, 1, r.length)));
    }

    /** ∇f with respect to the arguments {@code argnums} (none given: all), in that order: {@code grad(f, 0, 2)}. */
    public static Function<Tensor[], Tensor[]> grad(Function<Tensor[], Tensor> f, int... argnums) {
        return xs -> Arrays.copyOfRange(Partial.valueAndGrad("grad", f, xs, argnums), 1, 1 + (argnums.length == 0
                ? xs.length : argnums.length));
    }

    /**
     * A function that returns a scalar and auxiliary results ({@link Aux}: a loss and its metrics), differentiated
     * by the scalar in one forward and one backward pass (JAX's {@code has_aux}); the auxiliary results come back as
     * values. {@code params} is a tensor or any tree of tensors, and the gradient has its structure.
     */
    public static <T, A> ValueAndGradAux<T, A> valueAndGradWithAux(Function<T, Aux<A>> f, T params) {
        return Partial.valueAndGradWithAux("grad", f, params);
    }

    /**
     * f(x) and its JVP at x as a reusable linear function v ↦ ∂f(x)·v (JAX's {@code linearize}): f runs once, and
     * each tangent afterwards costs only the linear part, staged with the partial derivatives at x as constants.
     */
    public static Linearized linearize(Function<Tensor, Tensor> f, Tensor x) {
        Linearize.Out o = Linearize.linearize("linearize", one(f), new Tensor[] {x});
        return new Linearized(x, o.primals()[0], v -> o.jvp().apply(new Tensor[] {v})[0],
                o.graph() == null ? -1 : o.graph().opCount());
    }

    /** vmap along axis {@code inAxis} of the input, the batch axis of the result at {@code outAxis}. */
    public static Function<Tensor, Tensor> vmap(Function<Tensor, Tensor> f, int inAxis, int outAxis) {
        return xs -> Vmap.vmap("vmap", one(f), new Tensor[] {xs}, new Integer[] {inAxis}, outAxis)[0];
    }

    /**
     * vmap of a function of several tensors (JAX's {@code in_axes}, {@code out_axes}): argument i is batched along
     * axis {@code inAxes[i]}, or shared by every example where that is {@code null}; the result's batch axis is at
     * {@code outAxis}. {@code AD.vmap(a -> a[0].matmul(a[1]), new Integer[] {0, null}, 0)} multiplies each of a
     * batch of matrices by one shared matrix.
     */
    public static Function<Tensor[], Tensor> vmap(Function<Tensor[], Tensor> f, Integer[] inAxes, int outAxis) {
        return xs -> Vmap.vmap("vmap", a -> new Tensor[] {f.apply(a)}, xs, inAxes, outAxis)[0];
    }

    // ------------------------------------------------------------------ Jacobians and Hessians

    /**
     * Vectorising map: {@code vmap(f)} applies f to every slice {@code x[i]} along the first axis of its input and
     * stacks the results, by running f once on the whole batch (each primitive's batching rule), not once per
     * slice. f is written for one example; it may call other transforms.
     */
    public static Function<Tensor, Tensor> vmap(Function<Tensor, Tensor> f) {
        return xs -> Vmap.vmap("vmap", f, xs);
    }

    /**
     * vmap of a function of a tree: every leaf of {@code batch} carries a leading batch axis of one common length,
     * f is written for one example (a tree of the same structure without that axis), and every leaf of the result
     * comes back with the batch axis first.
     */
    public static <X, Y> Y vmap(Function<X, Y> f, X batch) {
        return OnTrees.vmap(f, batch);
    }

    /**
     * The Jacobian by forward mode: the JVPs along every input direction at once (vmap over the basis), so the cost
     * grows with the number of inputs. Result shape: out.shape ++ in.shape.
     */
    public static Function<Tensor, Tensor> jacfwd(Function<Tensor, Tensor> f) {
        return x -> Jacobians.jacfwd(f, x);
    }

    /**
     * The Jacobian by reverse mode: one recorded evaluation, then the pullbacks of every output direction at once
     * (vmap over the basis), so the cost grows with the number of outputs. Result shape: out.shape ++ in.shape.
     */
    public static Function<Tensor, Tensor> jacrev(Function<Tensor, Tensor> f) {
        return x -> Jacobians.jacrev(f, x);
    }

    /**
     * The Jacobian, with the cheaper mode chosen from the sizes (the lecture's rule): reverse when the output has
     * no more elements than the input, forward otherwise. The output size is learnt by staging f on shapes alone
     * (no arithmetic), once per input shape; a function that reads values (Java control flow on {@code item()})
     * cannot be staged, and is then evaluated once more instead. Result shape: out.shape ++ in.shape. For a chain
     * made by {@link #chain}, the stages' Jacobians are multiplied in the cheapest order instead.
     */
    public static Function<Tensor, Tensor> jacobian(Function<Tensor, Tensor> f) {
        return Jacobians.jacobian(f);
    }

    /**
     * The Jacobian of a tensor-valued f of a tree, with respect to the tree's elements raveled into one vector
     * (each leaf row-major, in the tree's order; {@link Layout#of} gives where each leaf sits): shape
     * out.shape ++ [n], n the number of elements of the tree. The mode is chosen as by {@link #jacobian(Function)}.
     */
    public static <X> Tensor jacobian(Function<X, Tensor> f, X x) {
        Layout layout = Layout.of(x);
        return Jacobians.jacobian((Tensor v) -> f.apply(layout.unravel(v))).apply(layout.ravel(x));
    }

    /** The Hessian ∇²f of a scalar f, forward-over-reverse (jacfwd of grad). Shape in.shape ++ in.shape. */
    public static Function<Tensor, Tensor> hessian(Function<Tensor, Tensor> f) {
        return jacfwd(grad(f));
    }

    /**
     * The Hessian-vector product ∇²f(x)·v = ∂/∂ε ∇f(x + εv), forward-over-reverse: one JVP of the gradient, never
     * forming the Hessian (cost a small multiple of one gradient).
     */
    public static Tensor hvp(Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        return Jacobians.hvp(grad(f), x, v);
    }

    // ------------------------------------------------------------------ sparse Jacobians and Hessians, chains

    /**
     * The Jacobian of f: [n] → [m] as a sparse matrix: its pattern is detected from f's staged graph (once per input
     * shape), coloured, and computed by one batched JVP over the column colours or one batched VJP over the row
     * colours, whichever needs fewer products; each entry is the number a dense Jacobian holds. See
     * {@code dev.cotangent.sparse}.
     */
    public static Function<Tensor, SparseMatrix> sparseJacobian(Function<Tensor, Tensor> f) {
        return new SparseJacobian(f, SparseOptions.defaults());
    }

    /** {@link #sparseJacobian(Function)} with a given pattern, greedy ordering or mode. */
    public static Function<Tensor, SparseMatrix> sparseJacobian(Function<Tensor, Tensor> f, SparseOptions options) {
        return new SparseJacobian(f, options);
    }

    /**
     * The Hessian of a scalar f: [n] → [] as a sparse matrix: the pattern of its staged gradient program, coloured
     * (star or column colouring, whichever is fewer), and one batched Hessian-vector product over the colours.
     */
    public static Function<Tensor, SparseMatrix> sparseHessian(Function<Tensor, Tensor> f) {
        return new SparseHessian(f, SparseOptions.defaults());
    }

    /** {@link #sparseHessian(Function)} with a given pattern, greedy ordering or mode. */
    public static Function<Tensor, SparseMatrix> sparseHessian(Function<Tensor, Tensor> f, SparseOptions options) {
        return new SparseHessian(f, options);
    }

    /**
     * The composition stages[N−1] ∘ … ∘ stages[0] as a chain: {@link #jacobian(Function)} of it multiplies the
     * stages' Jacobians in the cheapest order found by the matrix-chain dynamic program (forward and reverse mode
     * are two of its orders); {@code plan(shape)} reports that order and its cost against both modes.
     */
    @SafeVarargs
    public static Chain chain(Function<Tensor, Tensor>... stages) {
        return new Chain(Arrays.asList(stages));
    }

    // ------------------------------------------------------------------ custom rules

    /**
     * Gradient checkpointing: the same function, but reverse mode records it as one step, keeping only its
     * arguments and its result, and runs it again during the backward sweep to get its derivative. Use it on a
     * segment of a long computation (a block of layers, K steps of a recurrence) to trade one extra evaluation of
     * the segment for the memory of its intermediate values. Every tensor to differentiate with respect to must
     * be an argument: a traced tensor captured from outside is refused with an error.
     */
    public static Function<Tensor[], Tensor> checkpoint(Function<Tensor[], Tensor> f) {
        return Checkpoint.of(f);
    }

    /**
     * The function with a reverse-mode derivative you supply (a numerically stable gradient, a straight-through
     * estimator, a clipped gradient, an implicit derivative): reverse mode records it as one step and calls
     * {@code rule} for its pullback. Forward mode (jvp, jacfwd) differentiates {@code f} itself. Every tensor to
     * differentiate with respect to must be an argument of {@code f}. Under vmap the rule runs for every example;
     * reverse mode over forward mode (grad of a jvp) differentiates {@code f}, not the rule.
     */
    public static Function<Tensor[], Tensor> customVjp(Function<Tensor[], Tensor> f, VjpRule rule) {
        return CustomVjp.of(f, rule);
    }

    /**
     * The function with a forward-mode derivative you supply: forward mode calls {@code rule} for the tangent, and
     * reverse mode transposes the rule (it must be linear in the tangents), so grad, jacrev and second derivatives
     * all use it. Every tensor to differentiate with respect to must be an argument of {@code f}.
     */
    public static Function<Tensor[], Tensor> customJvp(Function<Tensor[], Tensor> f, JvpRule rule) {
        return CustomJvp.of(f, rule);
    }

    /** The identity on values, with zero derivative for every enclosing transform. */
    public static Tensor stopGradient(Tensor x) {
        return Ops.stopGradient(x);
    }

    /**
     * Runs {@code body} in anomaly mode: every operation checks that finite operands gave a finite result, and
     * a {@link NonFiniteException} names the first op that produced NaN or ±∞ (in the forward or the backward
     * pass). Slower; for debugging.
     */
    public static <T> T detectAnomaly(Supplier<T> body) {
        boolean old = Eval.setAnomalyMode(true);
        try {
            return body.get();
        } finally {
            Eval.setAnomalyMode(old);
        }
    }

    // ------------------------------------------------------------------ staging

    /**
     * Stages {@code f} to a {@link Graph} instead of computing it: f runs once on shape-only tracers (the example
     * inputs give shapes; their values are not used) and every primitive it binds becomes a node. It composes
     * with the other transforms: staging a function that calls {@code grad} records the forward ops and the
     * ops of the VJP rules, i.e. the gradient program. {@code value()} or {@code item()} on a staged tensor
     * throws {@link dev.cotangent.trace.ValueDependenceException}: control flow on values cannot be staged.
     *
     * <pre>{@code
     * Graph g = AD.stage(in -> new Tensor[] {AD.grad(f).apply(in[0])}, Tensor.scalar(2));
     * }</pre>
     */
    public static Graph stage(Function<Tensor[], Tensor[]> f, Tensor... exampleInputs) {
        return Stage.stage(f, exampleInputs);
    }

    /**
     * Compiles {@code f}: staged once per distinct input shapes (the {@value dev.cotangent.custom.Jit#CACHE} most
     * recent kept), optimised, its elementwise chains and their sums fused into loops, matmuls left to BLAS, with a
     * buffer plan; it returns f's values (same kernels, sums added in the same order). It composes with every
     * transform (grad, jvp, vmap, hessian, stage, scan). A function whose Java control flow reads values cannot be
     * compiled: jit throws {@link dev.cotangent.trace.ValueDependenceException} naming where. See
     * {@code dev.cotangent.graph.compile}.
     */
    public static Function<Tensor[], Tensor[]> jit(Function<Tensor[], Tensor[]> f) {
        return dev.cotangent.custom.Jit.of(f);
    }

    // ------------------------------------------------------------------ helpers

    private static Function<Tensor[], Tensor[]> one(Function<Tensor, Tensor> f) {
        return a -> new Tensor[] {f.apply(a[0])};
    }

    private static Tensor requireScalar(String transform, Tensor value) {
        if (value.rank() != 0) {
            throw new IllegalArgumentException(transform + ": the function returned a tensor of shape " + value.dims()
                    + ", but grad needs a scalar (0-d) output. Reduce it (e.g. .sum() or .mean()), or use AD.vjp for a "
                    + "vector-Jacobian product or AD.jacobian for the full Jacobian.");
        }
        return value;
    }
}
