package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.ReduceKernel;
import dev.cotangent.tensor.Shape;

/**
 * Π over axes; ∂y/∂x_i = Π_{k≠i} x_k, the product of the other factors, computed without dividing: the reduced
 * axes are flattened into one, and the products of the factors before and after each position are prefix and
 * suffix products (Hillis–Steele scans of shifted multiplications, log₂ m steps). Every derivative rule is then
 * made of multiplications only, so the gradient is exact where factors are 0 (prod([2, 0, 3]) has gradient
 * [0, 6, 0]) and so are higher derivatives.
 */
public final class Prod extends Reduction {

    public Prod(int[] axes, boolean keepDims) {
        super(ReduceKernel.Fn.PROD, axes, keepDims);
    }

    @Override
    protected Tensor weight(Tensor x, Tensor y) {
        Shape in = x.dims();
        int[] reduced = in.axes(axes, name());
        boolean[] isReduced = new boolean[in.rank()];
        for (int a : reduced) isReduced[a] = true;
        // move the reduced axes last and flatten them into one axis of length m
        int[] perm = new int[in.rank()];
        int k = 0;
        for (int a = 0; a < in.rank(); a++) if (!isReduced[a]) perm[k++] = a;
        int keptRank = k;
        for (int a : reduced) perm[k++] = a;
        int m = 1;
        for (int a : reduced) m *= in.dim(a);
        int[] flat = new int[keptRank + 1];
        for (int i = 0; i < keptRank; i++) flat[i] = in.dim(perm[i]);
        flat[keptRank] = m;
        Tensor xt = Ops.reshape(Ops.permute(x, perm), flat);
        Tensor others = Ops.mul(shifted(scan(xt, keptRank, m, true), keptRank, m, true),
                shifted(scan(xt, keptRank, m, false), keptRank, m, false));
        int[] permuted = new int[in.rank()];
        for (int i = 0; i < in.rank(); i++) permuted[i] = in.dim(perm[i]);
        int[] inverse = new int[in.rank()];
        for (int i = 0; i < perm.length; i++) inverse[perm[i]] = i;
        return Ops.permute(Ops.reshape(others, permuted), inverse);
    }

    /** Inclusive products along the last axis (of length m): from the front if {@code forward}, else from the back. */
    private static Tensor scan(Tensor t, int axis, int m, boolean forward) {
        for (int d = 1; d < m; d *= 2) t = Ops.mul(t, shifted(t, axis, m, d, forward));
        return t;
    }

    /** {@code t} moved by one place along the last axis, with 1 filled in (the exclusive form of a scan). */
    private static Tensor shifted(Tensor t, int axis, int m, boolean forward) {
        return shifted(t, axis, m, 1, forward);
    }

    /** {@code t} moved by {@code d} places along the last axis, towards the back if {@code forward}, 1 filled in. */
    private static Tensor shifted(Tensor t, int axis, int m, int d, boolean forward) {
        if (d >= m) return Tensor.ones(t.shape());
        int[] onesShape = t.shape();
        onesShape[axis] = d;
        Tensor ones = Tensor.ones(onesShape);
        return forward ? Ops.concat(axis, ones, Ops.slice(t, axis, 0, m - d))
                       : Ops.concat(axis, Ops.slice(t, axis, d, m), ones);
    }

    @Override
    protected Reduction over(int[] axes) {
        return new Prod(axes, keepDims);
    }
}
