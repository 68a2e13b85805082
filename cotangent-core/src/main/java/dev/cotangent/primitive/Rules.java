package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.Shape;

/** Helpers that derivative rules share; written with ops, so they are differentiable themselves. */
public final class Rules {
    /** Constants the rules share (concrete 0-d tensors, so every trace sees them as constants). */
    public static final Tensor ZERO = Tensor.scalar(0.0);
    public static final Tensor HALF = Tensor.scalar(0.5);
    public static final Tensor ONE = Tensor.scalar(1.0);
    public static final Tensor MINUS_ONE = Tensor.scalar(-1.0);

    private Rules() {}

    /**
     * The transpose of broadcasting: sums {@code ct} over the axes along which {@code target} was broadcast
     * (leading axes, and axes of size 1), giving a tensor of shape {@code target}.
     */
    public static Tensor unbroadcast(Tensor ct, Shape target) {
        Shape s = ct.dims();
        if (s.equals(target)) return ct;
        int lead = s.rank() - target.rank();
        int[] axes = new int[s.rank()];
        int k = 0;
        for (int i = 0; i < s.rank(); i++) {
            if (i < lead || (target.dim(i - lead) == 1 && s.dim(i) != 1)) axes[k++] = i;
        }
        Tensor r = k == 0 ? ct : Ops.sum(ct, false, java.util.Arrays.copyOf(axes, k));
        return r.dims().equals(target) ? r : Ops.reshape(r, target.dims());
    }

    /** {@code t} broadcast to {@code shape} if it is not already of that shape. */
    public static Tensor fit(Tensor t, Shape shape) {
        return t == null || t.dims().equals(shape) ? t : Ops.broadcastTo(t, shape);
    }

    /** The sum of two possibly-zero ({@code null}) tangents. */
    public static Tensor plus(Tensor a, Tensor b) {
        if (a == null) return b;
        if (b == null) return a;
        return Ops.add(a, b);
    }

    /** Checks that exactly {@code n} shapes were given. */
    static void arity(String op, int n, Shape[] in) {
        if (in.length != n) throw new IllegalArgumentException(op + ": takes " + n + " operand(s), got " + in.length);
    }
}
