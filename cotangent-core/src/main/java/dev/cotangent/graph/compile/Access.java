package dev.cotangent.graph.compile;

import dev.cotangent.tensor.Shape;

/**
 * How a fused loop reads one input array: element i of the loop's index space (multi-index i_d over its dims) is
 * {@code src[offset + Σ i_d·strides[d]]}, or 0 where some i_d is outside [lo[d], hi[d]). This folds broadcasting
 * (stride 0), slices (an offset) and zero padding (the bounds) into index arithmetic, so none of them is copied
 * into an array of its own. {@code strides == null} means the source is read as it lies (same size, in order).
 *
 * @param kind how the access arose, for the listing: "", "broadcast", "uniform constant", "slice" or "pad"
 */
record Access(String kind, int offset, int[] strides, int[] lo, int[] hi) {
    static final Access CONTIGUOUS = new Access("", 0, null, null, null);

    /** The access that reads {@code from} broadcast to {@code to} (the same array if the sizes agree). */
    static Access broadcast(Shape from, Shape to) {
        if (from.size() == to.size()) return CONTIGUOUS;
        int[] fd = from.dims();
        int[] fs = from.strides();
        int[] s = new int[to.rank()];
        int shift = to.rank() - fd.length;
        for (int d = 0; d < fd.length; d++) s[d + shift] = fd[d] == 1 ? 0 : fs[d];
        return new Access("broadcast", 0, s, null, null);
    }

    /** Element 0 of the array at every index of a loop of rank {@code rank}: a constant whose elements are equal. */
    static Access uniform(int rank) {
        return new Access("uniform constant", 0, new int[rank], null, null);
    }

    /** The box starting at {@code start} of an array of shape {@code from}. */
    static Access slice(Shape from, int[] start) {
        int[] fs = from.strides();
        int off = 0;
        for (int d = 0; d < fs.length; d++) off += start[d] * fs[d];
        return new Access("slice", off, fs, null, null);
    }

    /** An array of shape {@code from} with {@code before[d]} zeros in front of axis d (and zeros behind). */
    static Access pad(Shape from, int[] before) {
        int[] fs = from.strides();
        int off = 0;
        int[] hi = new int[fs.length];
        for (int d = 0; d < fs.length; d++) {
            off -= before[d] * fs[d];
            hi[d] = before[d] + from.dim(d);
        }
        return new Access("pad", off, fs, before.clone(), hi);
    }

    /**
     * Writes elements [s, s+len) of the loop's index space ({@code dims}, row-major) into {@code dst[0..len)},
     * one run along the last axis at a time (a copy, a fill or a strided loop per run).
     */
    void load(double[] src, int[] dims, int s, int len, double[] dst) {
        if (strides == null) {
            System.arraycopy(src, s, dst, 0, len);
            return;
        }
        int rank = dims.length;
        if (rank == 0) {
            dst[0] = src[offset];
            return;
        }
        int[] idx = new int[rank];
        for (int d = rank - 1, rem = s; d >= 0; d--) {
            idx[d] = rem % dims[d];
            rem /= dims[d];
        }
        int last = rank - 1;
        int sl = strides[last];
        for (int done = 0; done < len; ) {
            int j0 = idx[last];
            int run = Math.min(dims[last] - j0, len - done);
            int base = offset;
            boolean inside = true;
            for (int d = 0; d < last; d++) {
                base += idx[d] * strides[d];
                if (lo != null && (idx[d] < lo[d] || idx[d] >= hi[d])) inside = false;
            }
            int from = j0;
            int to = j0 + run;
            if (lo != null) {
                from = inside ? Math.min(to, Math.max(j0, lo[last])) : to;
                to = inside ? Math.max(from, Math.min(to, hi[last])) : to;
                java.util.Arrays.fill(dst, done, done + from - j0, 0.0);
                java.util.Arrays.fill(dst, done + to - j0, done + run, 0.0);
            }
            int o = done + from - j0;
            if (to == from) {
                // nothing inside the array on this run (all padding)
            } else if (sl == 1) {
                System.arraycopy(src, base + from, dst, o, to - from);
            } else if (sl == 0) {
                java.util.Arrays.fill(dst, o, o + to - from, src[base]);
            } else {
                for (int j = from; j < to; j++) dst[o + j - from] = src[base + j * sl];
            }
            done += run;
            idx[last] += run;
            for (int d = last; d > 0 && idx[d] == dims[d]; d--) {
                idx[d] = 0;
                idx[d - 1]++;
            }
        }
    }
}
