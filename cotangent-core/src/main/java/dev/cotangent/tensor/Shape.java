package dev.cotangent.tensor;

import java.util.Arrays;

/**
 * The dimensions of a dense row-major array: an immutable list of non-negative sizes.
 * The empty shape {@code []} is a scalar (one element).
 */
public final class Shape {
    private static final Shape SCALAR = new Shape(new int[0]);
    private final int[] dims;
    private final int size;

    private Shape(int[] dims) {
        boolean empty = false;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims) + ": dimension " + i
                        + " is negative (" + dims[i] + "); every dimension must be >= 0");
            }
            empty |= dims[i] == 0;
        }
        long s = 1;
        for (int i = 0; i < dims.length && !empty; i++) {
            s *= dims[i];
            if (s > Integer.MAX_VALUE) {
                throw new TooLargeException("shape " + Arrays.toString(dims) + " has " + count(dims)
                        + " elements, more than 2^31-1 (the largest Java array)");
            }
        }
        this.dims = dims;
        this.size = empty ? 0 : (int) s;
    }

    /** The product of the dimensions, exact (as text: it may exceed a long for absurd shapes). */
    private static String count(int[] dims) {
        java.math.BigInteger n = java.math.BigInteger.ONE;
        for (int d : dims) n = n.multiply(java.math.BigInteger.valueOf(d));
        return n.toString();
    }

    /** A shape with the given dimensions (copied). */
    public static Shape of(int... dims) {
        return dims.length == 0 ? SCALAR : new Shape(dims.clone());
    }

    /** The scalar shape {@code []}. */
    public static Shape scalar() {
        return SCALAR;
    }

    public int rank() {
        return dims.length;
    }

    /** Number of elements: the product of the dimensions (1 for a scalar). */
    public int size() {
        return size;
    }

    /** Dimension {@code axis}; a negative axis counts from the end. */
    public int dim(int axis) {
        return dims[axis(axis, "dim")];
    }

    /** A copy of the dimensions. */
    public int[] dims() {
        return dims.clone();
    }

    /** Row-major strides in elements: the last axis has stride 1. */
    public int[] strides() {
        int[] st = new int[dims.length];
        int s = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            st[i] = s;
            s *= dims[i];
        }
        return st;
    }

    /** Normalises {@code axis} (negative counts from the end) and checks it, naming {@code op} if it is out of range. */
    public int axis(int axis, String op) {
        int r = dims.length;
        if (r == 0) {
            throw new IllegalArgumentException(op + ": axis " + axis + " given for a 0-d array (shape []), which has no"
                    + " axes; give no axis to use the whole array");
        }
        if (axis < -r || axis >= r) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for shape " + this
                    + " (rank " + r + "); use an axis in [" + (-r) + ", " + (r - 1) + "]");
        }
        return axis < 0 ? axis + r : axis;
    }

    /** Normalised, sorted, distinct axes; {@code null} or empty means every axis. */
    public int[] axes(int[] axes, String op) {
        if (axes == null || axes.length == 0) {
            int[] all = new int[dims.length];
            for (int i = 0; i < all.length; i++) all[i] = i;
            return all;
        }
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) out[i] = axis(axes[i], op);
        Arrays.sort(out);
        for (int i = 1; i < out.length; i++) {
            if (out[i] == out[i - 1]) {
                throw new IllegalArgumentException(op + ": axis " + out[i] + " is repeated in " + Arrays.toString(axes));
            }
        }
        return out;
    }

    /** NumPy broadcasting of two shapes; the error names {@code op} and both shapes. */
    public static Shape broadcast(String op, Shape a, Shape b) {
        if (a.equals(b)) return a;
        int r = Math.max(a.rank(), b.rank());
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i - (r - a.rank()) >= 0 ? a.dims[i - (r - a.rank())] : 1;
            int db = i - (r - b.rank()) >= 0 ? b.dims[i - (r - b.rank())] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + a + " and " + b
                        + " cannot be broadcast: dimension " + da + " vs " + db + " at axis " + i
                        + " (NumPy rules: sizes must be equal or 1, aligned from the right)");
            }
            out[i] = da == 1 ? db : da;
        }
        return new Shape(out);
    }

    /** True if this shape broadcasts to {@code target} without changing {@code target}. */
    public boolean broadcastsTo(Shape target) {
        if (rank() > target.rank()) return false;
        int off = target.rank() - rank();
        for (int i = 0; i < rank(); i++) {
            if (dims[i] != 1 && dims[i] != target.dims[i + off]) return false;
        }
        return true;
    }

    /**
     * This shape's elements arranged as {@code dims}, where one dimension may be -1 and is then inferred from
     * the others; the error names both shapes when the sizes differ.
     */
    public Shape reshape(int... dims) {
        int[] d = dims.clone();
        int infer = -1;
        int known = 1;
        for (int i = 0; i < d.length; i++) {
            if (d[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("reshape: " + this + " to " + Arrays.toString(dims)
                            + ": only one dimension may be -1");
                }
                infer = i;
            } else if (d[i] < 0) {
                throw new IllegalArgumentException("reshape: " + this + " to " + Arrays.toString(dims)
                        + ": dimension " + d[i] + " is negative; use sizes >= 0 or a single -1");
            } else {
                known *= d[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || size % known != 0) {
                throw new IllegalArgumentException("reshape: cannot infer the -1 in " + Arrays.toString(dims)
                        + " for " + size + " elements of shape " + this);
            }
            d[infer] = size / known;
        }
        Shape s = of(d);
        if (s.size != size) {
            throw new IllegalArgumentException("reshape: shape " + this + " (" + size + " elements) cannot become "
                    + s + " (" + s.size + " elements); the sizes must match");
        }
        return s;
    }

    /** This shape without {@code axis}, which must have size 1. */
    public Shape squeeze(int axis) {
        int a = axis(axis, "squeeze");
        if (dims[a] != 1) {
            throw new IllegalArgumentException("squeeze: axis " + axis + " of shape " + this + " has size " + dims[a]
                    + "; only size-1 axes can be squeezed");
        }
        int[] out = new int[dims.length - 1];
        for (int i = 0, j = 0; i < dims.length; i++) if (i != a) out[j++] = dims[i];
        return of(out);
    }

    /** This shape with an axis of size 1 inserted at {@code axis} (in the result's numbering; -1 appends). */
    public Shape unsqueeze(int axis) {
        int r = dims.length + 1;
        if (axis < -r || axis >= r) {
            throw new IllegalArgumentException("unsqueeze: axis " + axis + " is out of range for a result of rank " + r
                    + " (from shape " + this + "); use an axis in [" + (-r) + ", " + (r - 1) + "]");
        }
        int a = axis < 0 ? axis + r : axis;
        int[] out = new int[r];
        for (int i = 0, j = 0; i < r; i++) out[i] = i == a ? 1 : dims[j++];
        return of(out);
    }

    /**
     * The shape of NumPy's matmul {@code a @ b}: a 1-d left operand is a row and a 1-d right operand a column,
     * and that axis is dropped from the result; otherwise as {@link #matmul(Shape, Shape, boolean, boolean)}.
     */
    public static Shape matmul(Shape a, Shape b) {
        if (a.rank() == 0 || b.rank() == 0) {
            throw new IllegalArgumentException("matmul: " + a + " @ " + b
                    + ": matmul needs arrays of rank >= 1; use mul for scalars");
        }
        Shape a2 = a.rank() == 1 ? of(1, a.dims[0]) : a;
        Shape b2 = b.rank() == 1 ? of(b.dims[0], 1) : b;
        Shape c;
        try {
            c = matmul(a2, b2, false, false, a.toString(), b.toString());
        } catch (IllegalArgumentException e) {
            throw a.rank() >= 2 && b.rank() >= 2 && e.getMessage().contains("inner dimensions")
                    ? new IllegalArgumentException(e.getMessage() + transposeHint(a, b)) : e;
        }
        int r = c.rank();
        int[] d = Arrays.copyOf(c.dims, r - 2);
        if (a.rank() > 1) d = append(d, c.dims[r - 2]);
        if (b.rank() > 1) d = append(d, c.dims[r - 1]);
        return of(d);
    }

    /** When transposing the last two axes of one operand would make the inner dimensions agree, says so. */
    private static String transposeHint(Shape a, Shape b) {
        if (a.dim(-1) == b.dim(-1)) {
            return "; a.matmul(b.mT()) would match them (mT() transposes the last two axes: b.mT() has shape "
                    + b.swapLast() + ")";
        }
        if (a.dim(-2) == b.dim(-2)) {
            return "; a.mT().matmul(b) would match them (mT() transposes the last two axes: a.mT() has shape "
                    + a.swapLast() + ")";
        }
        return "";
    }

    private Shape swapLast() {
        int[] d = dims.clone();
        d[d.length - 1] = dims[d.length - 2];
        d[d.length - 2] = dims[d.length - 1];
        return of(d);
    }

    /**
     * The shape of {@code op(A)·op(B)} over the last two axes of operands of rank >= 2, where {@code op}
     * transposes the last two axes when its flag is set and the batch axes in front broadcast; the errors
     * name both shapes, marking a transposed one {@code ^T}.
     */
    public static Shape matmul(Shape a, Shape b, boolean transA, boolean transB) {
        return matmul(a, b, transA, transB, a + (transA ? "^T" : ""), b + (transB ? "^T" : ""));
    }

    private static Shape matmul(Shape a, Shape b, boolean transA, boolean transB, String sa, String sb) {
        if (a.rank() < 2 || b.rank() < 2) {
            throw new IllegalArgumentException("matmul: " + sa + " @ " + sb + ": matmul(a, b, transA, transB) takes"
                    + " matrices or stacks of matrices (rank >= 2); use a.matmul(b) for 1-d operands");
        }
        int m = transA ? a.dim(-1) : a.dim(-2);
        int ka = transA ? a.dim(-2) : a.dim(-1);
        int kb = transB ? b.dim(-1) : b.dim(-2);
        int n = transB ? b.dim(-2) : b.dim(-1);
        if (ka != kb) {
            throw new IllegalArgumentException("matmul: " + sa + " @ " + sb + ": inner dimensions " + ka + " and "
                    + kb + " differ");
        }
        Shape batchA = a.batch();
        Shape batchB = b.batch();
        Shape batch;
        try {
            batch = broadcast("matmul", batchA, batchB);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("matmul: " + sa + " @ " + sb + ": batch dimensions " + batchA + " and "
                    + batchB + " cannot be broadcast", e);
        }
        try {
            return of(append(append(batch.dims, m), n));
        } catch (TooLargeException e) {
            throw new TooLargeException("matmul: " + sa + " @ " + sb + ": the product " + e.getMessage());
        }
    }

    /** The batch axes of a matmul operand: every axis but the last two. */
    Shape batch() {
        return of(Arrays.copyOf(dims, dims.length - 2));
    }

    private static int[] append(int[] d, int x) {
        int[] out = Arrays.copyOf(d, d.length + 1);
        out[d.length] = x;
        return out;
    }

    /** This shape with {@code axis} removed (or kept as 1 when {@code keepDims}) for each reduced axis. */
    public Shape reduce(int[] sortedAxes, boolean keepDims) {
        int[] out = new int[keepDims ? dims.length : dims.length - sortedAxes.length];
        int j = 0;
        int k = 0;
        for (int i = 0; i < dims.length; i++) {
            boolean reduced = k < sortedAxes.length && sortedAxes[k] == i;
            if (reduced) k++;
            if (!reduced) out[j++] = dims[i];
            else if (keepDims) out[j++] = 1;
        }
        return of(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape && Arrays.equals(dims, ((Shape) o).dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** As {@code [3,4]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(dims[i]);
        }
        return sb.append(']').toString();
    }
}
