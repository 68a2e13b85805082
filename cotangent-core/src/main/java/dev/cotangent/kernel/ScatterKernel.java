package dev.cotangent.kernel;

/**
 * The transposes of gathers: writing a smaller array into a zero array (padding, the transpose of slicing) and
 * adding rows at indices (the transpose of take). Writes {@code out} only, which the caller zero-fills.
 */
public final class ScatterKernel {
    private ScatterKernel() {}

    /**
     * Copies {@code x} (dimensions {@code dims}) into {@code out} (dimensions {@code outDims}) at offset
     * {@code before[d]} on every axis.
     */
    public static void pad(double[] x, int[] dims, int[] before, int[] outDims, double[] out) {
        int r = dims.length;
        if (x.length == 0) return;
        if (r == 0) {
            out[0] = x[0];
            return;
        }
        int[] os = new int[r];
        int s = 1;
        for (int d = r - 1; d >= 0; d--) {
            os[d] = s;
            s *= outDims[d];
        }
        int base = 0;
        for (int d = 0; d < r; d++) base += before[d] * os[d];
        int last = dims[r - 1];
        int[] idx = new int[r];
        int o = base;
        for (int i = 0; i < x.length; i += last) {
            System.arraycopy(x, i, out, o, last);
            for (int d = r - 2; d >= 0; d--) {
                idx[d]++;
                o += os[d];
                if (idx[d] < dims[d]) break;
                o -= os[d] * dims[d];
                idx[d] = 0;
            }
        }
    }

    /**
     * {@code out[.., indices[k], ..] += x[.., k, ..]} along one axis: {@code x} is viewed as
     * {@code [outer, indices.length, inner]} and {@code out} as {@code [outer, size, inner]}.
     */
    public static void indexAdd(double[] x, int outer, int[] indices, int inner, int size, double[] out) {
        int n = indices.length;
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < n; k++) {
                int idx = indices[k] < 0 ? indices[k] + size : indices[k];
                int src = (o * n + k) * inner;
                int dst = (o * size + idx) * inner;
                for (int j = 0; j < inner; j++) out[dst + j] += x[src + j];
            }
        }
    }
}
