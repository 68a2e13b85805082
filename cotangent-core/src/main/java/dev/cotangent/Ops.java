package dev.cotangent;

import static dev.cotangent.trace.Bind.bind;

import dev.cotangent.primitive.*;
import dev.cotangent.tensor.Shape;
import java.util.function.UnaryOperator;

/**
 * Every differentiable operation on {@link Tensor}s, as static functions for {@code import static}. Each
 * primitive operation binds its primitive to the innermost trace among its operands; the composites at the end
 * (softmax, logSoftmax, crossEntropy, mse, norm, ...) are written with primitives and need no rules of their own.
 * Binary operations broadcast like NumPy.
 */
public final class Ops {
    private Ops() {}

    /**
     * Applies a primitive with one result (for instance one you wrote) to operands, under the innermost trace
     * among them.
     */
    public static Tensor apply(Primitive p, Tensor... args) {
        return bind(p, args);
    }

    /** Applies a primitive to operands, under the innermost trace among them; returns every result. */
    public static Tensor[] applyAll(Primitive p, Tensor... args) {
        return dev.cotangent.trace.Bind.bindAll(p, args);
    }

    // ------------------------------------------------------------------ binary elementwise

    public static Tensor add(Tensor a, Tensor b) { return bind(Add.INSTANCE, a, b); }
    public static Tensor sub(Tensor a, Tensor b) { return bind(Sub.INSTANCE, a, b); }
    public static Tensor mul(Tensor a, Tensor b) { return bind(Mul.INSTANCE, a, b); }
    public static Tensor div(Tensor a, Tensor b) { return bind(Div.INSTANCE, a, b); }
    /** a^b elementwise; see {@link Pow} for the derivative at a = 0. */
    public static Tensor pow(Tensor a, Tensor b) { return bind(Pow.INSTANCE, a, b); }
    /** Elementwise max; ties split the derivative equally. */
    public static Tensor maximum(Tensor a, Tensor b) { return bind(Maximum.INSTANCE, a, b); }
    /** Elementwise min; ties split the derivative equally. */
    public static Tensor minimum(Tensor a, Tensor b) { return bind(Minimum.INSTANCE, a, b); }
    /** c + x, c − x, c·x, c / x, c^x, and the same with the number second: scalar-first forms for formulas. */
    public static Tensor add(double c, Tensor x) { return add(Tensor.scalar(c), x); }
    public static Tensor sub(double c, Tensor x) { return sub(Tensor.scalar(c), x); }
    public static Tensor mul(double c, Tensor x) { return mul(Tensor.scalar(c), x); }
    public static Tensor div(double c, Tensor x) { return div(Tensor.scalar(c), x); }
    public static Tensor pow(double c, Tensor x) { return pow(Tensor.scalar(c), x); }
    public static Tensor add(Tensor x, double c) { return add(x, Tensor.scalar(c)); }
    public static Tensor sub(Tensor x, double c) { return sub(x, Tensor.scalar(c)); }
    public static Tensor mul(Tensor x, double c) { return mul(x, Tensor.scalar(c)); }
    public static Tensor div(Tensor x, double c) { return div(x, Tensor.scalar(c)); }
    public static Tensor pow(Tensor x, double c) { return pow(x, Tensor.scalar(c)); }

    /** Each entry limited to [lo, hi]: derivative 1 inside the interval and at its ends, 0 outside. */
    public static Tensor clamp(Tensor x, double lo, double hi) {
        if (!(lo <= hi)) throw new IllegalArgumentException("clamp: lo " + lo + " > hi " + hi + "; give lo <= hi");
        Tensor l = Tensor.scalar(lo);
        Tensor h = Tensor.scalar(hi);
        return where(lt(x, l), l, where(gt(x, h), h, x));
    }

    /** atan2(y, x) elementwise, the angle of the point (x, y). */
    public static Tensor atan2(Tensor y, Tensor x) { return bind(Atan2.INSTANCE, y, x); }

    /** 1.0 where a = b, else 0.0 (zero derivative); likewise ne, lt, le, gt, ge. */
    public static Tensor eq(Tensor a, Tensor b) { return bind(Compare.EQ, a, b); }
    public static Tensor ne(Tensor a, Tensor b) { return bind(Compare.NE, a, b); }
    public static Tensor lt(Tensor a, Tensor b) { return bind(Compare.LT, a, b); }
    public static Tensor le(Tensor a, Tensor b) { return bind(Compare.LE, a, b); }
    public static Tensor gt(Tensor a, Tensor b) { return bind(Compare.GT, a, b); }
    public static Tensor ge(Tensor a, Tensor b) { return bind(Compare.GE, a, b); }

    /**
     * {@code cond != 0 ? a : b} elementwise, the three broadcast together. Both branches are computed, and a
     * branch not taken still gets a zero cotangent: where its own derivative is infinite there (sqrt at 0, log at
     * 0) the chain rule makes 0·∞ = NaN, so the gradient of {@code where(x > 0, sqrt(x), 0)} at 0 is NaN, as in
     * JAX and PyTorch. Use {@link #safeWhere} for that.
     */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) { return bind(Where.INSTANCE, cond, a, b); }

    /**
     * {@code where(cond, ifTrue(x), ifFalse(x))} with derivatives of every order that are finite wherever the
     * branch taken has them: each branch is given x only where it is taken and {@code safe} elsewhere (the
     * "double where"), so the branch not taken is differentiated at a harmless point instead of at x.
     * {@code safe} must be inside both branches' domains, with finite derivatives there. Example: the gradient
     * of {@code safeWhere(gt(x, 0), x, Ops::sqrt, z -> mul(z, 0), 1)} at 0 is 0, where plain where gives NaN.
     */
    public static Tensor safeWhere(Tensor cond, Tensor x, UnaryOperator<Tensor> ifTrue, UnaryOperator<Tensor> ifFalse,
                                   double safe) {
        Tensor s = Tensor.scalar(safe);
        return where(cond, ifTrue.apply(where(cond, x, s)), ifFalse.apply(where(cond, s, x)));
    }

    /** {@link #safeWhere(Tensor, Tensor, UnaryOperator, UnaryOperator, double)} with safe = 1 (fits log, sqrt, 1/x). */
    public static Tensor safeWhere(Tensor cond, Tensor x, UnaryOperator<Tensor> ifTrue, UnaryOperator<Tensor> ifFalse) {
        return safeWhere(cond, x, ifTrue, ifFalse, 1.0);
    }

    // ------------------------------------------------------------------ unary elementwise

    public static Tensor neg(Tensor x) { return bind(Neg.INSTANCE, x); }
    public static Tensor exp(Tensor x) { return bind(Exp.INSTANCE, x); }
    public static Tensor log(Tensor x) { return bind(Log.INSTANCE, x); }
    public static Tensor log1p(Tensor x) { return bind(Log1p.INSTANCE, x); }
    public static Tensor expm1(Tensor x) { return bind(Expm1.INSTANCE, x); }
    /** √x; its derivative at 0 is +∞ by convention. */
    public static Tensor sqrt(Tensor x) { return bind(Sqrt.INSTANCE, x); }
    public static Tensor sin(Tensor x) { return bind(Sin.INSTANCE, x); }
    public static Tensor cos(Tensor x) { return bind(Cos.INSTANCE, x); }
    /** {sin x, cos x} from one primitive (one pass over x; one tape entry with two results). */
    public static Tensor[] sinCos(Tensor x) { return dev.cotangent.trace.Bind.bindAll(SinCos.INSTANCE, x); }
    public static Tensor tan(Tensor x) { return bind(Tan.INSTANCE, x); }
    public static Tensor asin(Tensor x) { return bind(Asin.INSTANCE, x); }
    public static Tensor acos(Tensor x) { return bind(Acos.INSTANCE, x); }
    public static Tensor atan(Tensor x) { return bind(Atan.INSTANCE, x); }
    public static Tensor sinh(Tensor x) { return bind(Sinh.INSTANCE, x); }
    public static Tensor cosh(Tensor x) { return bind(Cosh.INSTANCE, x); }
    public static Tensor tanh(Tensor x) { return bind(Tanh.INSTANCE, x); }
    public static Tensor sigmoid(Tensor x) { return bind(Sigmoid.INSTANCE, x); }
    /** log(1 + e^x), stable for large |x|. */
    public static Tensor softplus(Tensor x) { return bind(Softplus.INSTANCE, x); }
    /** max(x, 0); relu'(0) = 0 by convention. */
    public static Tensor relu(Tensor x) { return bind(Relu.INSTANCE, x); }
    /** |x|; abs'(0) = 0 by convention. */
    public static Tensor abs(Tensor x) { return bind(Abs.INSTANCE, x); }
    public static Tensor reciprocal(Tensor x) { return bind(Reciprocal.INSTANCE, x); }
    /** −1, 0 or 1 (zero derivative). */
    public static Tensor sign(Tensor x) { return bind(UnaryStep.SIGN, x); }
    /** The largest integer ≤ x (zero derivative). */
    public static Tensor floor(Tensor x) { return bind(UnaryStep.FLOOR, x); }
    public static Tensor square(Tensor x) { return mul(x, x); }

    /** The identity on values, cut from differentiation: the result is a constant to every transform. */
    public static Tensor stopGradient(Tensor x) { return bind(StopGradient.INSTANCE, x); }

    // ------------------------------------------------------------------ reductions

    /** The sum of all elements (0-d). */
    public static Tensor sum(Tensor x) { return bind(new Sum(null, false), x); }
    /** The sum over {@code axes}, which are removed from the shape (as {@link Tensor#sum(int...)}). */
    public static Tensor sum(Tensor x, int... axes) { return sum(x, false, axes); }
    /** The sum over {@code axes} (none: all), keeping them as size 1 if {@code keepDims}. */
    public static Tensor sum(Tensor x, boolean keepDims, int... axes) { return bind(new Sum(axes, keepDims), x); }
    public static Tensor prod(Tensor x, boolean keepDims, int... axes) { return bind(new Prod(axes, keepDims), x); }
    /** The maximum over {@code axes} (none: all); ties share the derivative equally. */
    public static Tensor max(Tensor x, boolean keepDims, int... axes) { return bind(new Extremum(true, axes, keepDims), x); }
    public static Tensor min(Tensor x, boolean keepDims, int... axes) { return bind(new Extremum(false, axes, keepDims), x); }
    /** log Σ exp over {@code axes} (none: all), stable. */
    public static Tensor logsumexp(Tensor x, boolean keepDims, int... axes) { return bind(new LogSumExp(axes, keepDims), x); }
    /** Index of the largest entry along {@code axis}, as doubles (zero derivative). */
    public static Tensor argmax(Tensor x, int axis) { return bind(new Argmax(axis), x); }

    /** The largest (smallest) element, or over {@code axes}, removed from the shape; ties share the derivative. */
    public static Tensor max(Tensor x, int... axes) { return max(x, false, axes); }
    public static Tensor min(Tensor x, int... axes) { return min(x, false, axes); }

    /** The mean of all elements (0-d). */
    public static Tensor mean(Tensor x) { return mean(x, false); }

    /** The mean over {@code axes}, which are removed from the shape. */
    public static Tensor mean(Tensor x, int... axes) { return mean(x, false, axes); }

    /** The mean over {@code axes} (none: all). */
    public static Tensor mean(Tensor x, boolean keepDims, int... axes) {
        int count = 1;
        for (int a : x.dims().axes(axes, "mean")) count *= x.dims().dim(a);
        return mul(sum(x, keepDims, axes), Tensor.scalar(1.0 / count));
    }

    // ------------------------------------------------------------------ shapes

    public static Tensor broadcastTo(Tensor x, Shape target) {
        return x.dims().equals(target) ? x : bind(new BroadcastTo(target), x);
    }

    /** Another shape of the same size; one dimension may be −1 (inferred). */
    public static Tensor reshape(Tensor x, int... dims) {
        Shape target = x.dims().reshape(dims);
        return x.dims().equals(target) ? x : bind(new Reshape(target), x);
    }

    /** Reverses the axes. */
    public static Tensor transpose(Tensor x) {
        int r = x.rank();
        int[] p = new int[r];
        for (int i = 0; i < r; i++) p[i] = r - 1 - i;
        return permute(x, p);
    }

    /** The transpose of the last two axes, {@code [..., m, n] -> [..., n, m]}: batched matrices stay batched. */
    public static Tensor mT(Tensor x) {
        if (x.rank() < 2) {
            throw new IllegalArgumentException("mT: the tensor has shape " + x.dims() + "; mT() transposes the last "
                    + "two axes of a matrix or a stack of matrices (rank >= 2)");
        }
        return swapAxes(x, -2, -1);
    }

    /** Axes {@code i} and {@code j} exchanged (negative counting from the end). */
    public static Tensor swapAxes(Tensor x, int i, int j) {
        int a = x.dims().axis(i, "swapAxes");
        int b = x.dims().axis(j, "swapAxes");
        int[] p = new int[x.rank()];
        for (int k = 0; k < p.length; k++) p[k] = k == a ? b : k == b ? a : k;
        return permute(x, p);
    }

    /** The entry at {@code index} (one coordinate per axis, negative counting from the end) as a 0-d tensor. */
    public static Tensor at(Tensor x, int... index) {
        Shape s = x.dims();
        if (index.length != s.rank()) {
            throw new IllegalArgumentException("at: " + index.length + " indices for shape " + s
                    + "; give one index per axis");
        }
        int[] start = new int[index.length];
        int[] end = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            int k = index[i] < 0 ? index[i] + s.dim(i) : index[i];
            if (k < 0 || k >= s.dim(i)) {
                throw new IllegalArgumentException("at: index " + index[i] + " is out of range for axis " + i
                        + " of shape " + s);
            }
            start[i] = k;
            end[i] = k + 1;
        }
        return reshape(slice(x, start, end));
    }

    /** Axis i of the result is axis perm[i] of x. */
    public static Tensor permute(Tensor x, int... perm) {
        int[] p = new int[perm.length];
        boolean identity = perm.length == x.rank();
        for (int i = 0; i < perm.length; i++) {
            p[i] = perm[i] < 0 && perm.length == x.rank() ? perm[i] + x.rank() : perm[i];
            identity &= p[i] == i;
        }
        return identity ? x : bind(new Transpose(p), x);
    }

    /** Removes axis {@code axis}, of size 1. */
    public static Tensor squeeze(Tensor x, int axis) {
        requireAxes("squeeze", x);
        return reshape(x, x.dims().squeeze(axis).dims());
    }

    /** Inserts a size-1 axis at {@code axis} of the result. */
    public static Tensor unsqueeze(Tensor x, int axis) {
        return reshape(x, x.dims().unsqueeze(axis).dims());
    }

    /** The box start[d] ≤ i_d &lt; end[d]. */
    public static Tensor slice(Tensor x, int[] start, int[] end) {
        if (java.util.Arrays.equals(start, new int[x.rank()]) && java.util.Arrays.equals(end, x.shape())) return x;
        return bind(new Slice(start, end), x);
    }

    /** Entries start ≤ i &lt; end along one axis (negative bounds count from the end). */
    public static Tensor slice(Tensor x, int axis, int start, int end) {
        requireAxes("slice", x);
        Shape s = x.dims();
        int a = s.axis(axis, "slice");
        int d = s.dim(a);
        int[] st = new int[s.rank()];
        int[] en = s.dims();
        st[a] = start < 0 ? start + d : start;
        en[a] = end < 0 ? end + d : end;
        return slice(x, st, en);
    }

    /** Zero padding: before[d] zeros in front of and after[d] behind axis d. */
    public static Tensor pad(Tensor x, int[] before, int[] after) { return bind(new Pad(before, after), x); }

    /** The entries at {@code indices} along {@code axis} (NumPy's take). */
    public static Tensor take(Tensor x, int[] indices, int axis) {
        requireAxes("take", x);
        return bind(new Take(indices, axis), x);
    }

    /** Scatter-add along {@code axis} into zeros of length {@code size} (the transpose of take). */
    public static Tensor indexAdd(Tensor x, int[] indices, int axis, int size) {
        return bind(new IndexAdd(indices, axis, size), x);
    }

    /** Joins tensors along an existing axis. */
    public static Tensor concat(int axis, Tensor... parts) {
        if (parts.length == 0) throw new IllegalArgumentException("concat: no tensors given");
        if (parts.length == 1) return parts[0];
        return bind(new Concat(axis, parts.length), parts);
    }

    /** Joins tensors of one shape along a new axis. */
    public static Tensor stack(int axis, Tensor... parts) {
        if (parts.length == 0) throw new IllegalArgumentException("stack: no tensors given");
        Tensor[] u = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].dims().equals(parts[0].dims())) {
                throw new IllegalArgumentException("stack: shapes " + parts[0].dims() + " and " + parts[i].dims()
                        + " differ; stack needs tensors of one shape");
            }
            u[i] = unsqueeze(parts[i], axis);
        }
        return u.length == 1 ? u[0] : bind(new Concat(axis, u.length), u);
    }

    // ------------------------------------------------------------------ products

    /** NumPy's matmul: 1-d on the left is a row, on the right a column (that axis is then dropped). */
    public static Tensor matmul(Tensor a, Tensor b) {
        Shape out = Shape.matmul(a.dims(), b.dims());
        Tensor a2 = a.rank() == 1 ? reshape(a, 1, a.size()) : a;
        Tensor b2 = b.rank() == 1 ? reshape(b, b.size(), 1) : b;
        return reshape(bind(new MatMul(false, false), a2, b2), out.dims());
    }

    /** op(A)·op(B) over the last two axes of rank ≥ 2 tensors, op transposing when its flag is set. */
    public static Tensor matmul(Tensor a, Tensor b, boolean transA, boolean transB) {
        return bind(new MatMul(transA, transB), a, b);
    }

    /** The inner product of two 1-d tensors (0-d result). */
    public static Tensor dot(Tensor a, Tensor b) {
        if (a.rank() != 1 || b.rank() != 1 || a.size() != b.size()) {
            throw new IllegalArgumentException("dot: " + a.dims() + " . " + b.dims()
                    + ": dot takes two 1-d tensors of the same length; use matmul otherwise");
        }
        return sum(mul(a, b));
    }

    /** The outer product a_i b_j of two 1-d tensors. */
    public static Tensor outer(Tensor a, Tensor b) {
        if (a.rank() != 1 || b.rank() != 1) {
            throw new IllegalArgumentException("outer: " + a.dims() + " x " + b.dims() + ": outer takes two 1-d tensors");
        }
        return mul(reshape(a, a.size(), 1), reshape(b, 1, b.size()));
    }

    // ------------------------------------------------------------------ composites

    /** softmax along {@code axis}: e^{x − logsumexp(x)}, stable. */
    public static Tensor softmax(Tensor x, int axis) {
        requireAxes("softmax", x);
        return exp(logSoftmax(x, axis));
    }

    /** log softmax along {@code axis}: x − logsumexp(x), stable. */
    public static Tensor logSoftmax(Tensor x, int axis) {
        requireAxes("logSoftmax", x);
        return sub(x, logsumexp(x, true, axis));
    }

    /**
     * Softmax cross-entropy of logits {@code [B, C]} against integer class labels, averaged over the batch:
     * (1/B) Σ_b [logsumexp(z_b) − z_b[label_b]].
     */
    public static Tensor crossEntropy(Tensor logits, int[] labels) {
        Shape s = logits.dims();
        if (s.rank() != 2 || s.dim(0) != labels.length) {
            throw new IllegalArgumentException("crossEntropy: logits " + s + " and " + labels.length
                    + " labels; give logits of shape [batch, classes] and one label per row");
        }
        int c = s.dim(1);
        double[] onehot = new double[labels.length * c];
        for (int b = 0; b < labels.length; b++) {
            if (labels[b] < 0 || labels[b] >= c) {
                throw new IllegalArgumentException("crossEntropy: label " + labels[b] + " of row " + b
                        + " is not a class in [0, " + c + ")");
            }
            onehot[b * c + labels[b]] = 1.0;
        }
        Tensor picked = sum(mul(logits, Tensor.of(new int[] {labels.length, c}, onehot)), false, 1);
        return mean(sub(logsumexp(logits, false, 1), picked));
    }

    /** The mean squared error mean((p − t)²). */
    public static Tensor mse(Tensor prediction, Tensor target) {
        Tensor d = sub(prediction, target);
        return mean(mul(d, d));
    }

    /**
     * The Euclidean (Frobenius) norm √Σx². At x = 0, where it has no derivative, its derivative is taken as 0
     * (PyTorch's subgradient convention), in both modes and at every order: the square root is only ever taken of
     * a positive number, so no ∞·0 appears.
     */
    public static Tensor norm(Tensor x) {
        Tensor s = sum(mul(x, x));
        Tensor zero = eq(s, Tensor.scalar(0));
        return where(zero, Tensor.scalar(0), sqrt(where(zero, Tensor.scalar(1), s)));
    }

    /** An op that works along an axis refuses a 0-d tensor with advice that applies to it. */
    private static void requireAxes(String op, Tensor x) {
        if (x.rank() == 0) {
            throw new IllegalArgumentException(op + ": the tensor is 0-d (a single number), which has no axis to "
                    + op + " along; reshape it to [1] first (x.reshape(1)) if you mean a one-element vector");
        }
    }
}
