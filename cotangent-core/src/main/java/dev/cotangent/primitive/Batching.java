package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.Shape;

/**
 * Helpers that batching rules share. In a batching rule an operand either carries a leading batch axis
 * (its per-example shape is the rest) or is unbatched (the same for every example).
 */
public final class Batching {
    private Batching() {}

    /** The per-example rank of an operand. */
    public static int rank(Tensor x, boolean batched) {
        return batched ? x.rank() - 1 : x.rank();
    }

    /** The per-example shape of an operand. */
    public static Shape shape(Tensor x, boolean batched) {
        if (!batched) return x.dims();
        int[] d = x.shape();
        return Shape.of(java.util.Arrays.copyOfRange(d, 1, d.length));
    }

    /** {@code [size] ++ s}. */
    public static int[] prepend(int size, int[] s) {
        int[] d = new int[s.length + 1];
        d[0] = size;
        System.arraycopy(s, 0, d, 1, s.length);
        return d;
    }

    /**
     * A batched operand given size-1 axes after its batch axis so that its per-example rank is {@code r}: then
     * NumPy broadcasting, which aligns from the right, lines up the per-example axes of every operand.
     */
    public static Tensor toRank(Tensor x, int r) {
        int have = x.rank() - 1;
        if (have >= r) return x;
        int[] d = new int[r + 1];
        java.util.Arrays.fill(d, 1);
        d[0] = x.dims().dim(0);
        for (int i = 0; i < have; i++) d[1 + r - have + i] = x.dims().dim(1 + i);
        return Ops.reshape(x, d);
    }

    /** The unbatched operand repeated {@code size} times along a new leading axis. */
    public static Tensor materialize(Tensor x, boolean batched, int size) {
        return batched ? x : Ops.broadcastTo(x, Shape.of(prepend(size, x.shape())));
    }

    /** The batching rule of every elementwise primitive with broadcasting: align the ranks, then apply as is. */
    public static Tensor elementwise(Primitive p, Tensor[] args, boolean[] batched) {
        int r = 0;
        for (int i = 0; i < args.length; i++) r = Math.max(r, rank(args[i], batched[i]));
        Tensor[] a = new Tensor[args.length];
        for (int i = 0; i < args.length; i++) a[i] = batched[i] ? toRank(args[i], r) : args[i];
        return Ops.apply(p, a);
    }

    /** A per-example axis (negative counts from the end) as an axis of the batched array. */
    public static int axis(int axis, int perExampleRank) {
        return (axis < 0 ? axis + perExampleRank : axis) + 1;
    }

    /** Per-example axes (empty: all) as axes of the batched array. */
    public static int[] axes(int[] axes, int perExampleRank) {
        if (axes.length == 0) {
            int[] all = new int[perExampleRank];
            for (int i = 0; i < all.length; i++) all[i] = i + 1;
            return all;
        }
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) out[i] = axis(axes[i], perExampleRank);
        return out;
    }
}
