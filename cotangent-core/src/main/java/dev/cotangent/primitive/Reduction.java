package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.ReduceKernel;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Map;

/**
 * A reduction y = R(x) over chosen axes (empty: all axes), optionally keeping them with size 1. A subclass
 * states its elementwise partial derivative once, {@link #weight} w = ∂y/∂x (broadcast back to x's shape), and
 * both rules follow: ẏ = R_Σ(ẋ·w) (the same axes summed) and x̄ = expand(ȳ)·w, where {@link #expand} is the
 * transpose of "drop the reduced axes": reshape back with size-1 axes, then broadcast to the operand's shape.
 */
public abstract class Reduction extends Named implements OneResult {
    private final ReduceKernel.Fn fn;
    protected final int[] axes;
    protected final boolean keepDims;

    protected Reduction(ReduceKernel.Fn fn, int[] axes, boolean keepDims) {
        this.fn = fn;
        this.axes = axes == null ? new int[0] : axes.clone();
        this.keepDims = keepDims;
    }

    @Override
    public String name() {
        return fn.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public final int arity() {
        return 1;
    }

    @Override
    public Shape shape(Shape... in) {
        Rules.arity(name(), 1, in);
        return in[0].reduce(in[0].axes(axes, name()), keepDims);
    }

    @Override
    public NDArray apply(NDArray... in) {
        return in[0].reduce(fn, keepDims, axes);
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("axes", axes.clone(), "keepDims", keepDims);
    }

    /** ∂y/∂x elementwise, of x's shape, given x and y = R(x); written with ops. */
    protected abstract Tensor weight(Tensor x, Tensor y);

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        return reduceLike(Ops.mul(t[0], weight(x[0], y)));
    }

    @Override
    public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
        return new Tensor[] {Ops.mul(expand(ct, x[0]), weight(x[0], y))};
    }

    /** {@code r} (a result of this reduction on {@code x}) broadcast back to {@code x}'s shape. */
    protected final Tensor expand(Tensor r, Tensor x) {
        Shape in = x.dims();
        Shape kept = in.reduce(in.axes(axes, name()), true);
        Tensor k = r.dims().equals(kept) ? r : Ops.reshape(r, kept.dims());
        return Rules.fit(k, in);
    }

    /** The same reduction applied to {@code t}: how a tangent is reduced. */
    protected final Tensor reduceLike(Tensor t) {
        return Ops.sum(t, keepDims, axes);
    }

    /** This reduction over other axes (the same kind and keepDims). */
    protected abstract Reduction over(int[] axes);

    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        int r = args[0].rank() - 1;
        // a reduction of a 0-d example over its (no) axes leaves the one number as it is
        if (r == 0) return args[0];
        return Ops.apply(over(Batching.axes(axes, r)), args[0]);
    }
}
