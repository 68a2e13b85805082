package dev.cotangent;

import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * The one handle users hold: a differentiable array of {@code double}s. A tensor is either concrete (it holds
 * an {@link NDArray}) or a tracer that a transform such as {@link AD#grad} passed to your function; the two
 * look the same, so ordinary Java code written against {@code Tensor} can be differentiated. Immutable.
 *
 * <p>Every operation here is {@code Ops.xxx(this, ...)}, which binds a primitive to the innermost active
 * trace among its arguments.
 */
public abstract class Tensor {
    private final Shape shape;

    /** For subclasses: the concrete tensor and the tracers of {@code dev.cotangent.trace}. */
    protected Tensor(Shape shape) {
        this.shape = shape;
    }

    // ------------------------------------------------------------------ creation

    /** A concrete tensor holding {@code value}. */
    public static Tensor from(NDArray value) {
        return new Concrete(value);
    }

    /** A 0-d tensor. */
    public static Tensor scalar(double v) {
        return from(NDArray.scalar(v));
    }

    /** A 1-d tensor holding a copy of {@code v}. */
    public static Tensor of(double... v) {
        return from(NDArray.of(v));
    }

    /** A 2-d tensor from rows of equal length. */
    public static Tensor of(double[][] rows) {
        return from(NDArray.of(rows));
    }

    /** A tensor of {@code dims} holding a copy of {@code values} (row-major). */
    public static Tensor of(int[] dims, double... values) {
        return from(NDArray.of(Shape.of(dims), values));
    }

    public static Tensor zeros(int... dims) {
        return from(NDArray.zeros(dims));
    }

    public static Tensor ones(int... dims) {
        return from(NDArray.ones(dims));
    }

    public static Tensor full(double v, int... dims) {
        return from(NDArray.full(v, dims));
    }

    /** {@code [0, 1, ..., n-1]}. */
    public static Tensor arange(int n) {
        return from(NDArray.arange(n));
    }

    /** {@code start, start + step, ...} strictly before {@code stop} (NumPy's arange). */
    public static Tensor arange(double start, double stop, double step) {
        return from(NDArray.arange(start, stop, step));
    }

    /** {@code n} evenly spaced values from {@code a} to {@code b}, both included. */
    public static Tensor linspace(double a, double b, int n) {
        return from(NDArray.linspace(a, b, n));
    }

    /** The {@code n×n} identity matrix. */
    public static Tensor eye(int n) {
        return from(NDArray.eye(n));
    }

    /**
     * Standard normal draws of shape {@code dims}, the same for the same seed on every machine and run (a
     * {@link java.util.SplittableRandom} seeded with {@code seed}).
     */
    public static Tensor randn(long seed, int... dims) {
        return from(NDArray.normal(new java.util.SplittableRandom(seed), 0, 1, dims));
    }

    /**
     * Uniform draws in {@code [0, 1)} of shape {@code dims}, reproducible from {@code seed} like {@link #randn}; for
     * {@code [lo, hi)}, {@code uniform(seed, dims).mul(hi - lo).add(lo)}.
     */
    public static Tensor uniform(long seed, int... dims) {
        return from(NDArray.uniform(new java.util.SplittableRandom(seed), 0, 1, dims));
    }

    // ------------------------------------------------------------------ what it is

    /** The dimensions, as a copy. */
    public final int[] shape() {
        return shape.dims();
    }

    /** The dimensions as a {@link Shape}. */
    public final Shape dims() {
        return shape;
    }

    public final int rank() {
        return shape.rank();
    }

    public final int size() {
        return shape.size();
    }

    /**
     * The trace level this tensor belongs to: 0 for a concrete tensor, the level of its transform for a
     * tracer. Inner transforms have higher levels.
     */
    public abstract int level();

    /**
     * The numbers, without derivatives: for a concrete tensor its array; for a tracer, the concrete value it
     * carries (so Java control flow on values works inside grad and jvp). Tracers that have no concrete value
     * (staging) throw {@link IllegalStateException}.
     */
    public abstract NDArray value();

    /** The single number of a one-element tensor (see {@link #value()} for tracers). */
    public final double item() {
        NDArray v = value();
        if (v.size() != 1) {
            throw new IllegalArgumentException("item: tensor of shape " + shape + " has " + v.size()
                    + " elements; item() needs exactly one (reduce it first, e.g. sum())");
        }
        return v.unsafeData()[0];
    }

    /**
     * The number at {@code index} (one coordinate per axis, negative counting from the end), read like
     * {@link #item()}: a value, not a differentiable tensor (use {@link #at} for that).
     */
    public final double get(int... index) {
        return value().get(index);
    }

    /** The entry at {@code index} (one coordinate per axis) as a 0-d tensor: differentiable, unlike {@link #get}. */
    public final Tensor at(int... index) {
        return Ops.at(this, index);
    }

    /** A row-major copy of the numbers (see {@link #value()} for tracers). */
    public final double[] toArray() {
        return value().toArray();
    }

    // ------------------------------------------------------------------ arithmetic (broadcasting)

    public final Tensor add(Tensor o) { return Ops.add(this, o); }
    public final Tensor sub(Tensor o) { return Ops.sub(this, o); }
    public final Tensor mul(Tensor o) { return Ops.mul(this, o); }
    public final Tensor div(Tensor o) { return Ops.div(this, o); }
    public final Tensor pow(Tensor o) { return Ops.pow(this, o); }
    public final Tensor add(double c) { return Ops.add(this, scalar(c)); }
    public final Tensor sub(double c) { return Ops.sub(this, scalar(c)); }
    public final Tensor mul(double c) { return Ops.mul(this, scalar(c)); }
    public final Tensor div(double c) { return Ops.div(this, scalar(c)); }
    public final Tensor pow(double c) { return Ops.pow(this, scalar(c)); }
    /** Elementwise max; ties split the derivative equally. */
    public final Tensor maximum(Tensor o) { return Ops.maximum(this, o); }
    /** Elementwise min; ties split the derivative equally. */
    public final Tensor minimum(Tensor o) { return Ops.minimum(this, o); }
    /** Each entry limited to [lo, hi]; derivative 1 inside the interval and at its ends, 0 outside. */
    public final Tensor clamp(double lo, double hi) { return Ops.clamp(this, lo, hi); }
    public final Tensor neg() { return Ops.neg(this); }
    public final Tensor square() { return Ops.mul(this, this); }

    // ------------------------------------------------------------------ elementwise functions

    public final Tensor exp() { return Ops.exp(this); }
    public final Tensor log() { return Ops.log(this); }
    public final Tensor log1p() { return Ops.log1p(this); }
    public final Tensor expm1() { return Ops.expm1(this); }
    public final Tensor sqrt() { return Ops.sqrt(this); }
    public final Tensor sin() { return Ops.sin(this); }
    public final Tensor cos() { return Ops.cos(this); }
    public final Tensor tan() { return Ops.tan(this); }
    public final Tensor tanh() { return Ops.tanh(this); }
    public final Tensor sigmoid() { return Ops.sigmoid(this); }
    public final Tensor softplus() { return Ops.softplus(this); }
    public final Tensor relu() { return Ops.relu(this); }
    public final Tensor abs() { return Ops.abs(this); }

    // ------------------------------------------------------------------ reductions

    /** The sum of all elements, a 0-d tensor. */
    public final Tensor sum() { return Ops.sum(this); }
    /** The sum over {@code axes}, which are removed from the shape. */
    public final Tensor sum(int... axes) { return Ops.sum(this, false, axes); }
    /** The sum over {@code axes} (none: all), kept as size 1 if {@code keepDims}. */
    public final Tensor sum(boolean keepDims, int... axes) { return Ops.sum(this, keepDims, axes); }
    /** The mean of all elements, a 0-d tensor. */
    public final Tensor mean() { return Ops.mean(this); }
    /** The mean over {@code axes}, which are removed from the shape. */
    public final Tensor mean(int... axes) { return Ops.mean(this, false, axes); }
    /** The mean over {@code axes} (none: all), kept as size 1 if {@code keepDims}. */
    public final Tensor mean(boolean keepDims, int... axes) { return Ops.mean(this, keepDims, axes); }
    /** The largest element, a 0-d tensor; ties share the derivative equally. */
    public final Tensor max() { return Ops.max(this, false); }
    /** The maximum over {@code axes}, which are removed from the shape. */
    public final Tensor max(int... axes) { return Ops.max(this, false, axes); }
    /** The smallest element, a 0-d tensor; ties share the derivative equally. */
    public final Tensor min() { return Ops.min(this, false); }
    /** The minimum over {@code axes}, which are removed from the shape. */
    public final Tensor min(int... axes) { return Ops.min(this, false, axes); }
    /** The product of all elements, a 0-d tensor (exact derivative where a factor is 0). */
    public final Tensor prod() { return Ops.prod(this, false); }

    // ------------------------------------------------------------------ shapes and products

    /** NumPy's matmul (1-d operands are a row on the left, a column on the right; batch axes broadcast). */
    public final Tensor matmul(Tensor o) { return Ops.matmul(this, o); }
    /** The inner product of two 1-d tensors of one length (0-d). */
    public final Tensor dot(Tensor o) { return Ops.dot(this, o); }
    /** Reverses the axes (the matrix transpose for 2-d). */
    public final Tensor transpose() { return Ops.transpose(this); }
    /**
     * The transpose of the last two axes ({@code [..., m, n] -> [..., n, m]}), the batch axes in front kept: so a
     * batched {@code a.matmul(b.mT())} works where {@link #transpose()} would reverse the batch axes too.
     */
    public final Tensor mT() { return Ops.mT(this); }
    /** Axes {@code i} and {@code j} exchanged (negative counting from the end). */
    public final Tensor swapAxes(int i, int j) { return Ops.swapAxes(this, i, j); }
    public final Tensor reshape(int... dims) { return Ops.reshape(this, dims); }
    public final Tensor broadcastTo(int... dims) { return Ops.broadcastTo(this, Shape.of(dims)); }

    /** Prints the value; a tracer prints as {@code Tracer<level>(value)}. */
    @Override
    public String toString() {
        return value().toString();
    }

    /**
     * Several tensors (a gradient array, the results of {@link AD#grad(java.util.function.BiFunction)}) printed
     * as a list, each as {@link #toString()} prints it: {@code [[1. 2.], 3.0]}; a multi-line value has lines of its
     * own.
     */
    public static String toString(Tensor... tensors) {
        if (tensors == null) return "null";
        StringBuilder sb = new StringBuilder("[");
        boolean lastMultiLine = false;
        for (int i = 0; i < tensors.length; i++) {
            String t = String.valueOf(tensors[i]);
            boolean multiLine = t.contains("\n");
            if (i > 0) sb.append(multiLine || lastMultiLine ? ",\n " : ", ");
            sb.append(t.replace("\n", "\n "));
            lastMultiLine = multiLine;
        }
        return sb.append(']').toString();
    }

    /** A concrete tensor: a value at level 0. */
    static final class Concrete extends Tensor {
        private final NDArray value;

        Concrete(NDArray value) {
            super(value.dims());
            this.value = value;
        }

        @Override
        public int level() {
            return 0;
        }

        @Override
        public NDArray value() {
            return value;
        }
    }
}
