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
    public final Tensor maximum(Tensor o) { return Ops.maximum(this, o); }
    public final Tensor minimum(Tensor o) { return Ops.minimum(this, o); }
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
    /** The mean of all elements, a 0-d tensor. */
    public final Tensor mean() { return Ops.mean(this); }
    public final Tensor mean(int... axes) { return Ops.mean(this, false, axes); }
    public final Tensor max() { return Ops.max(this, false); }

    // ------------------------------------------------------------------ shapes and products

    /** NumPy's matmul (1-d operands are a row on the left, a column on the right; batch axes broadcast). */
    public final Tensor matmul(Tensor o) { return Ops.matmul(this, o); }
    /** Reverses the axes (the matrix transpose for 2-d). */
    public final Tensor transpose() { return Ops.transpose(this); }
    public final Tensor reshape(int... dims) { return Ops.reshape(this, dims); }
    public final Tensor broadcastTo(int... dims) { return Ops.broadcastTo(this, Shape.of(dims)); }

    /** Prints the value; a tracer prints as {@code Tracer<level>(value)}. */
    @Override
    public String toString() {
        return value().toString();
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
