package dev.cotangent.tensor;

import dev.cotangent.kernel.BinaryKernel;
import dev.cotangent.kernel.ReduceKernel;
import dev.cotangent.kernel.UnaryKernel;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * An immutable, dense, row-major array of {@code double}s with a {@link Shape}. Numbers only: it knows
 * nothing of differentiation. Every operation returns a new array (or shares this one's storage when the
 * numbers do not change, as reshape does); nothing is modified in place.
 */
public final class NDArray {
    private final Shape shape;
    private final double[] data;

    private NDArray(Shape shape, double[] data) {
        this.shape = shape;
        this.data = data;
    }

    // ------------------------------------------------------------------ creation

    /**
     * Wraps {@code data} (row-major) as an array of {@code shape} <em>without copying</em>: the caller hands
     * over the array and must never modify it afterwards — every NDArray is immutable, and BLAS calls keep an
     * off-heap copy of an array they read often, which a later change would make stale. Use
     * {@link #of(Shape, double...)} to copy.
     */
    public static NDArray wrap(Shape shape, double[] data) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("NDArray: " + data.length + " values do not fill shape " + shape
                    + " (" + shape.size() + " elements)");
        }
        return new NDArray(shape, data);
    }

    /** An array of {@code shape} holding a copy of {@code values} (row-major). */
    public static NDArray of(Shape shape, double... values) {
        return wrap(shape, values.clone());
    }

    /** A 0-d array. */
    public static NDArray scalar(double v) {
        return new NDArray(Shape.scalar(), new double[] {v});
    }

    /** A 1-d array holding a copy of {@code values}. */
    public static NDArray of(double... values) {
        return new NDArray(Shape.of(values.length), values.clone());
    }

    /** A 2-d array from rows of equal length. */
    public static NDArray of(double[][] rows) {
        return Creation.ofRows(rows);
    }

    public static NDArray zeros(int... dims) {
        Shape s = Shape.of(dims);
        return new NDArray(s, TooLargeException.doubles(s.size()));
    }

    public static NDArray ones(int... dims) {
        return full(1.0, dims);
    }

    /** An array of {@code dims} with every element {@code value}. */
    public static NDArray full(double value, int... dims) {
        return Creation.full(value, dims);
    }

    /** {@code [0, 1, ..., n-1]}. */
    public static NDArray arange(int n) {
        return arange(0, n, 1);
    }

    /** Values {@code start, start+step, ...} strictly before {@code stop} (NumPy's arange). */
    public static NDArray arange(double start, double stop, double step) {
        return Creation.arange(start, stop, step);
    }

    /** {@code n} evenly spaced values from {@code a} to {@code b}, both included. */
    public static NDArray linspace(double a, double b, int n) {
        return Creation.linspace(a, b, n);
    }

    /** The {@code n×n} identity matrix. */
    public static NDArray eye(int n) {
        return Creation.eye(n);
    }

    /** Independent uniform draws in {@code [lo, hi)} from the given (seeded) generator, row-major. */
    public static NDArray uniform(RandomGenerator rng, double lo, double hi, int... dims) {
        return Creation.uniform(rng, lo, hi, dims);
    }

    /** Independent normal draws with the given mean and standard deviation from the (seeded) generator. */
    public static NDArray normal(RandomGenerator rng, double mean, double std, int... dims) {
        return Creation.normal(rng, mean, std, dims);
    }

    // ------------------------------------------------------------------ access

    /** The dimensions, as a copy. */
    public int[] shape() {
        return shape.dims();
    }

    /** The dimensions as a {@link Shape}. */
    public Shape dims() {
        return shape;
    }

    public int rank() {
        return shape.rank();
    }

    public int size() {
        return shape.size();
    }

    /** The single value of a one-element array. */
    public double item() {
        if (data.length != 1) {
            throw new IllegalArgumentException("item: array of shape " + shape + " has " + data.length
                    + " elements; item() needs exactly one (reduce it first, e.g. sum())");
        }
        return data[0];
    }

    /** The element at a full index (one coordinate per axis). */
    public double get(int... index) {
        if (index.length != rank()) {
            throw new IllegalArgumentException("get: " + index.length + " indices for shape " + shape
                    + "; give one index per axis");
        }
        int flat = 0;
        int[] st = shape.strides();
        for (int i = 0; i < index.length; i++) {
            int d = shape.dim(i);
            int k = index[i] < 0 ? index[i] + d : index[i];
            if (k < 0 || k >= d) {
                throw new IllegalArgumentException("get: index " + index[i] + " is out of range for axis " + i
                        + " of shape " + shape);
            }
            flat += k * st[i];
        }
        return data[flat];
    }

    /** A row-major copy of the values. */
    public double[] toArray() {
        return data.clone();
    }

    /**
     * The storage itself, for kernels and bindings that promise not to write to it. Writing to it breaks
     * immutability for every array sharing it.
     */
    public double[] unsafeData() {
        return data;
    }

    // ------------------------------------------------------------------ elementwise

    /** {@code fn} applied to every element. */
    public NDArray map(UnaryKernel.Fn fn) {
        double[] out = new double[data.length];
        UnaryKernel.apply(fn, data, out, data.length);
        return new NDArray(shape, out);
    }

    /** {@code fn(this, other)} elementwise with NumPy broadcasting. */
    public NDArray zip(BinaryKernel.Fn fn, NDArray other) {
        return Compute.zip(fn, this, other);
    }

    /** {@code cond != 0 ? a : b} elementwise, the three broadcast together. */
    public static NDArray where(NDArray cond, NDArray a, NDArray b) {
        return Compute.where(cond, a, b);
    }

    public NDArray add(NDArray o) { return zip(BinaryKernel.Fn.ADD, o); }
    public NDArray sub(NDArray o) { return zip(BinaryKernel.Fn.SUB, o); }
    public NDArray mul(NDArray o) { return zip(BinaryKernel.Fn.MUL, o); }
    public NDArray div(NDArray o) { return zip(BinaryKernel.Fn.DIV, o); }
    public NDArray pow(NDArray o) { return zip(BinaryKernel.Fn.POW, o); }
    public NDArray maximum(NDArray o) { return zip(BinaryKernel.Fn.MAXIMUM, o); }
    public NDArray minimum(NDArray o) { return zip(BinaryKernel.Fn.MINIMUM, o); }
    public NDArray atan2(NDArray o) { return zip(BinaryKernel.Fn.ATAN2, o); }
    public NDArray eq(NDArray o) { return zip(BinaryKernel.Fn.EQ, o); }
    public NDArray ne(NDArray o) { return zip(BinaryKernel.Fn.NE, o); }
    public NDArray lt(NDArray o) { return zip(BinaryKernel.Fn.LT, o); }
    public NDArray le(NDArray o) { return zip(BinaryKernel.Fn.LE, o); }
    public NDArray gt(NDArray o) { return zip(BinaryKernel.Fn.GT, o); }
    public NDArray ge(NDArray o) { return zip(BinaryKernel.Fn.GE, o); }

    public NDArray neg() { return map(UnaryKernel.Fn.NEG); }
    public NDArray exp() { return map(UnaryKernel.Fn.EXP); }
    public NDArray log() { return map(UnaryKernel.Fn.LOG); }
    public NDArray log1p() { return map(UnaryKernel.Fn.LOG1P); }
    public NDArray expm1() { return map(UnaryKernel.Fn.EXPM1); }
    public NDArray sqrt() { return map(UnaryKernel.Fn.SQRT); }
    public NDArray sin() { return map(UnaryKernel.Fn.SIN); }
    public NDArray cos() { return map(UnaryKernel.Fn.COS); }
    public NDArray tan() { return map(UnaryKernel.Fn.TAN); }
    public NDArray asin() { return map(UnaryKernel.Fn.ASIN); }
    public NDArray acos() { return map(UnaryKernel.Fn.ACOS); }
    public NDArray atan() { return map(UnaryKernel.Fn.ATAN); }
    public NDArray sinh() { return map(UnaryKernel.Fn.SINH); }
    public NDArray cosh() { return map(UnaryKernel.Fn.COSH); }
    public NDArray tanh() { return map(UnaryKernel.Fn.TANH); }
    public NDArray sigmoid() { return map(UnaryKernel.Fn.SIGMOID); }
    /** log(1+e^x), stable for large |x|. */
    public NDArray softplus() { return map(UnaryKernel.Fn.SOFTPLUS); }
    public NDArray relu() { return map(UnaryKernel.Fn.RELU); }
    public NDArray abs() { return map(UnaryKernel.Fn.ABS); }
    public NDArray sign() { return map(UnaryKernel.Fn.SIGN); }

    // ------------------------------------------------------------------ reductions

    /** Reduces over {@code axes} (none given: every axis); {@code keepDims} keeps them with size 1. */
    public NDArray reduce(ReduceKernel.Fn fn, boolean keepDims, int... axes) {
        return Compute.reduce(fn, this, keepDims, axes);
    }

    public NDArray sum(int... axes) { return reduce(ReduceKernel.Fn.SUM, false, axes); }
    public NDArray sum(boolean keepDims, int... axes) { return reduce(ReduceKernel.Fn.SUM, keepDims, axes); }
    public NDArray prod(boolean keepDims, int... axes) { return reduce(ReduceKernel.Fn.PROD, keepDims, axes); }
    public NDArray max(boolean keepDims, int... axes) { return reduce(ReduceKernel.Fn.MAX, keepDims, axes); }
    public NDArray min(boolean keepDims, int... axes) { return reduce(ReduceKernel.Fn.MIN, keepDims, axes); }
    /** log Σ exp, computed as m + log Σ exp(x − m) with m the maximum. */
    public NDArray logsumexp(boolean keepDims, int... axes) { return reduce(ReduceKernel.Fn.LOGSUMEXP, keepDims, axes); }

    /** The mean over {@code axes} (none given: every axis). */
    public NDArray mean(boolean keepDims, int... axes) {
        int[] ax = shape.axes(axes, "mean");
        int count = 1;
        for (int a : ax) count *= shape.dim(a);
        return sum(keepDims, axes).mul(scalar(1.0 / count));
    }

    /** Index of the largest element along {@code axis} (first one on ties), as doubles. */
    public NDArray argmax(int axis) {
        return Compute.argmax(this, axis);
    }

    /** Index of the largest element of the flattened array. */
    public int argmax() {
        return (int) reshape(size()).argmax(0).item();
    }

    // ------------------------------------------------------------------ shape moves

    /** The same values in another shape of the same size; one dimension may be -1 (inferred). Shares storage. */
    public NDArray reshape(int... dims) {
        return new NDArray(shape.reshape(dims), data);
    }

    /** Reverses the axes (the matrix transpose for 2-d). */
    public NDArray transpose() {
        int r = rank();
        int[] p = new int[r];
        for (int i = 0; i < r; i++) p[i] = r - 1 - i;
        return permute(p);
    }

    /** Axis {@code i} of the result is axis {@code perm[i]} of this array. */
    public NDArray permute(int... perm) {
        return ShapeMoves.permute(this, perm);
    }

    /** Removes every axis of size 1. */
    public NDArray squeeze() {
        return reshape(Arrays.stream(shape.dims()).filter(d -> d != 1).toArray());
    }

    /** Removes {@code axis}, which must have size 1. */
    public NDArray squeeze(int axis) {
        return new NDArray(shape.squeeze(axis), data);
    }

    /** Inserts an axis of size 1 at {@code axis} (in the result's numbering, -1 appends). */
    public NDArray unsqueeze(int axis) {
        return new NDArray(shape.unsqueeze(axis), data);
    }

    /** The array repeated along broadcast axes to {@code target} (NumPy's broadcast_to). */
    public NDArray broadcastTo(Shape target) {
        return ShapeMoves.broadcastTo(this, target);
    }

    /** The array repeated along broadcast axes to {@code dims}. */
    public NDArray broadcastTo(int... dims) {
        return broadcastTo(Shape.of(dims));
    }

    /** Elements {@code start <= i < end} along {@code axis} (negative bounds count from the end). */
    public NDArray slice(int axis, int start, int end) {
        return ShapeMoves.slice(this, axis, start, end);
    }

    /** A box: {@code start[i] <= index[i] < end[i]} on every axis. */
    public NDArray slice(int[] start, int[] end) {
        return ShapeMoves.slice(this, start, end);
    }

    /** The entries at {@code indices} along {@code axis} (NumPy's take); indices may repeat. */
    public NDArray take(int[] indices, int axis) {
        return ShapeMoves.take(this, indices, axis);
    }

    /** Joins arrays along an existing axis; the other axes must agree. */
    public static NDArray concat(int axis, NDArray... parts) {
        return ShapeMoves.concat(axis, parts);
    }

    /** Joins arrays of one shape along a new axis. */
    public static NDArray stack(int axis, NDArray... parts) {
        return ShapeMoves.stack(axis, parts);
    }

    // ------------------------------------------------------------------ products

    /**
     * NumPy's matmul: matrix product over the last two axes, batch axes broadcast; a 1-d left operand is a
     * row, a 1-d right operand a column (and that axis is dropped from the result).
     */
    public NDArray matmul(NDArray b) {
        return BatchedMatmul.apply(this, b);
    }

    /**
     * Batched {@code op(A) op(B)} over the last two axes of arrays of rank >= 2, where {@code op} transposes
     * the last two axes when its flag is set; batch axes broadcast.
     */
    public static NDArray matmul(NDArray a, NDArray b, boolean transA, boolean transB) {
        return BatchedMatmul.apply(a, b, transA, transB);
    }

    /** The inner product of two 1-d arrays of one length. */
    public double dot(NDArray b) {
        if (rank() != 1 || b.rank() != 1 || size() != b.size()) {
            throw new IllegalArgumentException("dot: " + shape + " . " + b.shape
                    + ": dot takes two 1-d arrays of the same length; use matmul otherwise");
        }
        double s = 0;
        for (int i = 0; i < data.length; i++) s += data[i] * b.data[i];
        return s;
    }

    /** The outer product {@code a_i b_j} of two 1-d arrays. */
    public NDArray outer(NDArray b) {
        if (rank() != 1 || b.rank() != 1) {
            throw new IllegalArgumentException("outer: " + shape + " x " + b.shape + ": outer takes two 1-d arrays");
        }
        return reshape(size(), 1).mul(b.reshape(1, b.size()));
    }

    // ------------------------------------------------------------------ comparison and printing

    /**
     * NumPy's allclose: same shape and |a − b| ≤ atol + rtol·|b| everywhere (NaN equals NaN only if both are
     * NaN; an infinity is close only to the same infinity).
     */
    public boolean allClose(NDArray b, double rtol, double atol) {
        if (!shape.equals(b.shape)) return false;
        for (int i = 0; i < data.length; i++) {
            double x = data[i];
            double y = b.data[i];
            if (Double.isNaN(x) || Double.isNaN(y)) {
                if (!(Double.isNaN(x) && Double.isNaN(y))) return false;
            } else if (Double.isInfinite(x) || Double.isInfinite(y)) {
                if (x != y) return false; // else |inf - (-inf)| <= rtol·inf would pass
            } else if (x != y && !(Math.abs(x - y) <= atol + rtol * Math.abs(y))) {
                return false;
            }
        }
        return true;
    }

    /** allClose with NumPy's defaults rtol = 1e-5, atol = 1e-8. */
    public boolean allClose(NDArray b) {
        return allClose(b, 1e-5, 1e-8);
    }

    /** Prints like NumPy: nested brackets, aligned columns, long arrays summarised with "...". */
    @Override
    public String toString() {
        return ArrayPrinter.print(this);
    }
}
