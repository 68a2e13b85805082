package dev.cotangent.tensor;

import java.util.Arrays;

/** The copying shape moves of {@link NDArray} (permute, broadcast, slice, take, concat, stack) and their gather. */
final class ShapeMoves {
    private ShapeMoves() {}

    /** Axis {@code i} of the result is axis {@code perm[i]} of {@code x}. */
    static NDArray permute(NDArray x, int... perm) {
        Shape shape = x.dims();
        int r = x.rank();
        if (perm.length != r) {
            throw new IllegalArgumentException("permute: " + Arrays.toString(perm) + " for shape " + shape
                    + "; give a permutation of all " + r + " axes");
        }
        boolean[] seen = new boolean[r];
        int[] p = new int[r];
        for (int i = 0; i < r; i++) {
            p[i] = shape.axis(perm[i], "permute");
            if (seen[p[i]]) {
                throw new IllegalArgumentException("permute: " + Arrays.toString(perm) + " repeats axis " + p[i]);
            }
            seen[p[i]] = true;
        }
        int[] inDims = shape.dims();
        int[] inStrides = shape.strides();
        int[] outDims = new int[r];
        int[] srcStrides = new int[r];
        for (int i = 0; i < r; i++) {
            outDims[i] = inDims[p[i]];
            srcStrides[i] = inStrides[p[i]];
        }
        return gatherStrided(x, Shape.of(outDims), srcStrides, 0);
    }

    /** The array repeated along broadcast axes to {@code target} (NumPy's broadcast_to). */
    static NDArray broadcastTo(NDArray x, Shape target) {
        Shape shape = x.dims();
        if (shape.equals(target)) return x;
        if (!shape.broadcastsTo(target)) {
            throw new IllegalArgumentException("broadcastTo: shape " + shape + " cannot be broadcast to " + target
                    + " (sizes must be equal or 1, aligned from the right)");
        }
        return gatherStrided(x, target, broadcastStrides(shape, target), 0);
    }

    /** Elements {@code start <= i < end} along {@code axis} (negative bounds count from the end). */
    static NDArray slice(NDArray x, int axis, int start, int end) {
        Shape shape = x.dims();
        int a = shape.axis(axis, "slice");
        int d = shape.dim(a);
        int s = start < 0 ? start + d : start;
        int e = end < 0 ? end + d : end;
        if (s < 0 || e > d || s > e) {
            throw new IllegalArgumentException("slice: range [" + start + ", " + end + ") is out of bounds for axis "
                    + axis + " of shape " + shape + " (size " + d + ")");
        }
        int[] dims = shape.dims();
        dims[a] = e - s;
        return gatherStrided(x, Shape.of(dims), shape.strides(), s * shape.strides()[a]);
    }

    /** A box: {@code start[i] <= index[i] < end[i]} on every axis. */
    static NDArray slice(NDArray x, int[] start, int[] end) {
        if (start.length != x.rank() || end.length != x.rank()) {
            throw new IllegalArgumentException("slice: bounds " + Arrays.toString(start) + ".." + Arrays.toString(end)
                    + " for shape " + x.dims() + "; give one start and one end per axis");
        }
        NDArray r = x;
        for (int i = 0; i < start.length; i++) r = slice(r, i, start[i], end[i]);
        return r;
    }

    /** The entries at {@code indices} along {@code axis} (NumPy's take); indices may repeat. */
    static NDArray take(NDArray x, int[] indices, int axis) {
        Shape shape = x.dims();
        double[] data = x.unsafeData();
        int a = shape.axis(axis, "take");
        int d = shape.dim(a);
        int outer = 1;
        for (int i = 0; i < a; i++) outer *= shape.dim(i);
        int inner = 1;
        for (int i = a + 1; i < x.rank(); i++) inner *= shape.dim(i);
        double[] out = new double[outer * indices.length * inner];
        for (int k = 0; k < indices.length; k++) {
            int idx = indices[k] < 0 ? indices[k] + d : indices[k];
            if (idx < 0 || idx >= d) {
                throw new IllegalArgumentException("take: index " + indices[k] + " is out of range for axis " + axis
                        + " of shape " + shape + " (size " + d + ")");
            }
        }
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < indices.length; k++) {
                int idx = indices[k] < 0 ? indices[k] + d : indices[k];
                System.arraycopy(data, (o * d + idx) * inner, out, (o * indices.length + k) * inner, inner);
            }
        }
        int[] dims = shape.dims();
        dims[a] = indices.length;
        return NDArray.wrap(Shape.of(dims), out);
    }

    /** Joins arrays along an existing axis; the other axes must agree. */
    static NDArray concat(int axis, NDArray... parts) {
        if (parts.length == 0) throw new IllegalArgumentException("concat: no arrays given");
        Shape first = parts[0].dims();
        if (first.rank() == 0) {
            throw new IllegalArgumentException("concat: 0-d arrays have no axis to join; use stack");
        }
        int a = first.axis(axis, "concat");
        int total = 0;
        for (NDArray p : parts) {
            if (p.rank() != first.rank()) {
                throw new IllegalArgumentException("concat: shapes " + first + " and " + p.dims() + " differ in rank");
            }
            for (int i = 0; i < first.rank(); i++) {
                if (i != a && p.dims().dim(i) != first.dim(i)) {
                    throw new IllegalArgumentException("concat: shapes " + first + " and " + p.dims()
                            + " differ at axis " + i + " (only axis " + a + " may differ)");
                }
            }
            total += p.dims().dim(a);
        }
        int outer = 1;
        for (int i = 0; i < a; i++) outer *= first.dim(i);
        int inner = 1;
        for (int i = a + 1; i < first.rank(); i++) inner *= first.dim(i);
        double[] out = new double[outer * total * inner];
        int off = 0;
        for (NDArray p : parts) {
            int len = p.dims().dim(a) * inner;
            for (int o = 0; o < outer; o++) System.arraycopy(p.unsafeData(), o * len, out, o * total * inner + off, len);
            off += len;
        }
        int[] dims = first.dims();
        dims[a] = total;
        return NDArray.wrap(Shape.of(dims), out);
    }

    /** Joins arrays of one shape along a new axis. */
    static NDArray stack(int axis, NDArray... parts) {
        if (parts.length == 0) throw new IllegalArgumentException("stack: no arrays given");
        int r = parts[0].rank() + 1;
        if (axis < -r || axis >= r) {
            throw new IllegalArgumentException("stack: axis " + axis + " is out of range for a result of rank " + r
                    + " (stacking shape " + parts[0].dims() + "); use an axis in [" + (-r) + ", " + (r - 1) + "]");
        }
        NDArray[] u = new NDArray[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].dims().equals(parts[0].dims())) {
                throw new IllegalArgumentException("stack: shapes " + parts[0].dims() + " and " + parts[i].dims()
                        + " differ; stack needs arrays of one shape");
            }
            u[i] = parts[i].unsqueeze(axis);
        }
        return concat(axis, u);
    }

    /** Strides of {@code from} over the dimensions of {@code to}, 0 on broadcast axes. */
    static int[] broadcastStrides(Shape from, Shape to) {
        int r = to.rank();
        int off = r - from.rank();
        int[] st = from.strides();
        int[] out = new int[r];
        for (int i = 0; i < from.rank(); i++) out[i + off] = from.dim(i) == 1 ? 0 : st[i];
        return out;
    }

    /** Copies the elements found at {@code offset + Σ idx[i]·strides[i]} into a new array of {@code out}. */
    private static NDArray gatherStrided(NDArray x, Shape out, int[] strides, int offset) {
        double[] data = x.unsafeData();
        double[] o = TooLargeException.doubles(out.size());
        int r = out.rank();
        if (o.length == 0) return NDArray.wrap(out, o);
        if (r == 0) {
            o[0] = data[offset];
            return NDArray.wrap(out, o);
        }
        // Loop over the axes that matter: drop size-1 axes and merge neighbours that are contiguous in the
        // source, so a transpose of [B, m, 1] or a copy of a contiguous block runs long inner loops.
        int[] dims = new int[r];
        int[] st = new int[r];
        int k = 0;
        for (int d = 0; d < r; d++) {
            int n = out.dim(d);
            if (n == 1) continue;
            if (k > 0 && st[k - 1] == strides[d] * n) {
                dims[k - 1] *= n;
                st[k - 1] = strides[d];
            } else {
                dims[k] = n;
                st[k] = strides[d];
                k++;
            }
        }
        if (k == 0) {
            o[0] = data[offset];
            return NDArray.wrap(out, o);
        }
        r = k;
        strides = st;
        int last = dims[r - 1];
        int ls = strides[r - 1];
        int[] idx = new int[r];
        int src = offset;
        for (int i = 0; i < o.length; i += last) {
            if (ls == 1) {
                System.arraycopy(data, src, o, i, last);
            } else {
                for (int j = 0; j < last; j++) o[i + j] = data[src + j * ls];
            }
            for (int d = r - 2; d >= 0; d--) {
                idx[d]++;
                src += strides[d];
                if (idx[d] < dims[d]) break;
                src -= strides[d] * dims[d];
                idx[d] = 0;
            }
        }
        return NDArray.wrap(out, o);
    }
}
