package dev.cotangent.tensor;

import dev.cotangent.kernel.BinaryKernel;
import dev.cotangent.kernel.ReduceKernel;
import java.util.Locale;

/** The broadcasting binary operations and the reductions of {@link NDArray}, which choose and call its kernels. */
final class Compute {
    private Compute() {}

    /** {@code fn(x, y)} elementwise with NumPy broadcasting. */
    static NDArray zip(BinaryKernel.Fn fn, NDArray x, NDArray y) {
        Shape sx = x.dims();
        Shape sy = y.dims();
        double[] a = x.unsafeData();
        double[] b = y.unsafeData();
        if (sx.equals(sy)) {
            double[] out = new double[a.length];
            BinaryKernel.same(fn, a, b, out, a.length);
            return NDArray.wrap(sx, out);
        }
        Shape s = Shape.broadcast(fn.label(), sx, sy);
        double[] out = TooLargeException.doubles(s.size());
        if (b.length == 1 && s.equals(sx)) {
            BinaryKernel.scalarRight(fn, a, b[0], out, out.length);
        } else if (a.length == 1 && s.equals(sy)) {
            BinaryKernel.scalarLeft(fn, a[0], b, out, out.length);
        } else {
            BinaryKernel.strided(fn, a, ShapeMoves.broadcastStrides(sx, s), b, ShapeMoves.broadcastStrides(sy, s),
                    s.dims(), out);
        }
        return NDArray.wrap(s, out);
    }

    /** {@code cond != 0 ? a : b} elementwise, the three broadcast together. */
    static NDArray where(NDArray cond, NDArray a, NDArray b) {
        Shape s = Shape.broadcast("where", Shape.broadcast("where", cond.dims(), a.dims()), b.dims());
        double[] c = cond.broadcastTo(s).unsafeData();
        double[] x = a.broadcastTo(s).unsafeData();
        double[] y = b.broadcastTo(s).unsafeData();
        double[] out = TooLargeException.doubles(s.size());
        for (int i = 0; i < out.length; i++) out[i] = c[i] != 0.0 ? x[i] : y[i];
        return NDArray.wrap(s, out);
    }

    /** {@code fn} over {@code axes} of {@code x} (none given: every axis), kept with size 1 if {@code keepDims}. */
    static NDArray reduce(ReduceKernel.Fn fn, NDArray x, boolean keepDims, int... axes) {
        Shape shape = x.dims();
        String op = fn.name().toLowerCase(Locale.ROOT);
        int[] ax = shape.axes(axes, op);
        Shape out = shape.reduce(ax, keepDims);
        if (shape.size() == 0 && out.size() > 0 && (fn == ReduceKernel.Fn.MAX || fn == ReduceKernel.Fn.MIN)) {
            throw new IllegalArgumentException(op + ": shape " + shape + " is empty; " + op
                    + " of no elements is undefined");
        }
        boolean[] reduced = new boolean[shape.rank()];
        for (int a : ax) reduced[a] = true;
        double[] o = TooLargeException.doubles(out.size());
        if (o.length > 0) ReduceKernel.reduce(fn, x.unsafeData(), shape.dims(), reduced, o);
        return NDArray.wrap(out, o);
    }

    /** Index of the largest element along {@code axis} (first one on ties), as doubles. */
    static NDArray argmax(NDArray x, int axis) {
        Shape shape = x.dims();
        int a = shape.axis(axis, "argmax");
        if (shape.dim(a) == 0) {
            throw new IllegalArgumentException("argmax: axis " + axis + " of shape " + shape + " is empty");
        }
        Shape out = shape.reduce(new int[] {a}, false);
        double[] o = TooLargeException.doubles(out.size());
        ReduceKernel.argmax(x.unsafeData(), shape.dims(), a, o);
        return NDArray.wrap(out, o);
    }
}
