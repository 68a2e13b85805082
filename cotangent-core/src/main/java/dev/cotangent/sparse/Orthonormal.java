package dev.cotangent.sparse;

/**
 * An orthonormal basis of the span of a few vectors (modified Gram–Schmidt, applied twice), and the projection
 * off it, on plain arrays: the linear algebra Hutch++ needs on its k ≪ n probe vectors, which are values, not
 * traced tensors.
 */
final class Orthonormal {
    private Orthonormal() {}

    /**
     * Orthonormal rows spanning the {@code k} rows of length n of {@code a} (row-major), dropping directions that
     * are zero to rounding (relative 1e-12); as many rows as the rank found.
     */
    static double[] basis(double[] a, int k, int n) {
        double[] q = new double[k * n];
        int r = 0;
        double scale = 0;
        for (double v : a) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < k; i++) {
            double[] v = new double[n];
            System.arraycopy(a, i * n, v, 0, n);
            double before = norm(v);
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < r; j++) {
                    double d = 0;
                    for (int e = 0; e < n; e++) d += q[j * n + e] * v[e];
                    for (int e = 0; e < n; e++) v[e] -= d * q[j * n + e];
                }
            }
            double nv = norm(v);
            if (nv <= 1e-12 * Math.max(before, scale * Math.sqrt(n)) || nv == 0) continue;
            for (int e = 0; e < n; e++) q[r * n + e] = v[e] / nv;
            r++;
        }
        return java.util.Arrays.copyOf(q, r * n);
    }

    /** Each of the {@code k} rows of {@code g} minus its projection on the {@code r} orthonormal rows of {@code q}. */
    static void projectOut(double[] g, int k, double[] q, int r, int n) {
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < r; j++) {
                double d = 0;
                for (int e = 0; e < n; e++) d += q[j * n + e] * g[i * n + e];
                for (int e = 0; e < n; e++) g[i * n + e] -= d * q[j * n + e];
            }
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }
}
