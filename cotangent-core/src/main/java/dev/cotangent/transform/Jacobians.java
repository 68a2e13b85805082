package dev.cotangent.transform;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.graph.Graph;
import dev.cotangent.primitive.Batching;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import dev.cotangent.tensor.TooLargeException;
import dev.cotangent.trace.ValueDependenceException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Full Jacobians and Hessians of a function of one tensor: forward mode over the input basis, reverse mode over
 * the output basis (each batched by vmap, not a loop), the cheaper chosen from the sizes, and the Hessian and
 * Hessian-vector product forward-over-reverse. Result shapes are out.shape ++ in.shape.
 */
public final class Jacobians {
    private Jacobians() {}

    /** The Jacobian by forward mode: the JVPs along every input direction at once; cost grows with the inputs. */
    public static Tensor jacfwd(Function<Tensor, Tensor> f, Tensor x) {
        try {
            return forward(f, x);
        } catch (TooLargeException e) {
            if (e.getMessage().startsWith("jacfwd:")) throw e;
            throw new TooLargeException("jacfwd: the Jacobian of a function of " + x.size() + " inputs needs an array "
                    + "larger than allowed (" + e.getMessage() + "). For a Hessian, AD.hessian (forward over reverse) "
                    + "forms n² numbers, and AD.hvp never forms it; jacfwd(jacfwd(f)) forms n³.");
        }
    }

    private static Tensor forward(Function<Tensor, Tensor> f, Tensor x) {
        int n = x.size();
        if (n == 0) return Tensor.zeros(concat(f.apply(x).dims(), x.dims()).dims());
        Tensor basis = Tensor.from(NDArray.eye(n).reshape(Batching.prepend(n, x.shape())));
        Tensor cols = Vmap.vmap("jacfwd", v -> tangent("jacfwd", f, x, v), basis);   // [n] ++ out.shape
        Shape outShape = Shape.of(Arrays.copyOfRange(cols.shape(), 1, cols.rank()));
        Tensor j = Ops.transpose(Ops.reshape(cols, n, outShape.size()));               // [outSize, n]
        return Ops.reshape(j, concat(outShape, x.dims()).dims());
    }

    /** The Jacobian by reverse mode: one recorded evaluation, every output direction pulled back at once. */
    public static Tensor jacrev(Function<Tensor, Tensor> f, Tensor x) {
        return jacrev(Vjp.vjp("jacrev", a -> new Tensor[] {f.apply(a[0])}, x), x);
    }

    /** The Jacobian from an evaluation already recorded for reverse mode. */
    static Tensor jacrev(Vjp.Pullback r, Tensor x) {
        Tensor value = r.values()[0];
        int m = value.size();
        Shape outShape = value.dims();
        if (m == 0) return Tensor.zeros(concat(outShape, x.dims()).dims());
        Tensor basis = Tensor.from(NDArray.eye(m).reshape(Batching.prepend(m, outShape.dims())));
        Tensor rows = Vmap.vmap("jacrev", u -> r.pullback(u)[0], basis);                  // [m] ++ in.shape
        return Ops.reshape(rows, concat(outShape, x.dims()).dims());
    }

    /**
     * The Jacobian with the cheaper mode chosen from the sizes (the lecture's rule): reverse when the output has
     * no more elements than the input, forward otherwise. The output size is learnt by staging f on shapes alone,
     * once per input shape; a function that reads values cannot be staged ({@link ValueDependenceException}) and
     * is evaluated once more instead. Any other exception from f is f's own and propagates.
     */
    public static Function<Tensor, Tensor> jacobian(Function<Tensor, Tensor> f) {
        if (f instanceof Planned p) return p::jacobian;
        // the way chosen for each input shape; a stale choice could only cost time, never change the result
        Map<Shape, Way> ways = new ConcurrentHashMap<>();
        return x -> {
            Way w = ways.get(x.dims());
            if (w == null) {
                try {
                    Graph g = Stage.stage(in -> new Tensor[] {f.apply(in[0])}, x);
                    w = g.byId()[g.outputs().get(0)].shape().size() <= x.size() ? Way.REVERSE : Way.FORWARD;
                } catch (ValueDependenceException readsValues) {
                    w = Way.EVALUATE;
                }
                ways.put(x.dims(), w);
            }
            switch (w) {
                case REVERSE:
                    return jacrev(f, x);
                case FORWARD:
                    return jacfwd(f, x);
                default:
                    Vjp.Pullback r = Vjp.vjp("jacobian", a -> new Tensor[] {f.apply(a[0])}, x);
                    return r.values()[0].size() <= x.size() ? jacrev(r, x) : jacfwd(f, x);
            }
        };
    }

    private enum Way { REVERSE, FORWARD, EVALUATE }

    /**
     * A function that plans its own Jacobian, which {@link #jacobian} then uses instead of choosing between forward
     * and reverse mode: a chain of stages ({@code dev.cotangent.sparse.Chain}) multiplies its stages' Jacobians in
     * the cheapest order.
     */
    public interface Planned {
        /** The Jacobian at x, shape out.shape ++ in.shape. */
        Tensor jacobian(Tensor x);
    }

    /** ∇f(x)·v for a scalar f by forward over reverse: one JVP of the gradient, never forming the Hessian. */
    public static Tensor hvp(Function<Tensor, Tensor> grad, Tensor x, Tensor v) {
        return tangent("hvp", grad, x, v);
    }

    private static Tensor tangent(String transform, Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        return Jvp.jvp(transform, a -> new Tensor[] {f.apply(a[0])}, new Tensor[] {x}, new Tensor[] {v}).tangents()[0];
    }

    private static Shape concat(Shape a, Shape b) {
        int[] d = new int[a.rank() + b.rank()];
        System.arraycopy(a.dims(), 0, d, 0, a.rank());
        System.arraycopy(b.dims(), 0, d, a.rank(), b.rank());
        return Shape.of(d);
    }
}
