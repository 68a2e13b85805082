package dev.cotangent.implicit;

/**
 * The inverse of a small dense matrix by LU with partial pivoting: the fallback when a linear solve runs under
 * {@link dev.cotangent.AD#vmap} (as {@code jacfwd}, {@code jacrev} and {@code hessian} run it), where the right-hand
 * side stands for a whole batch and a Krylov method, which reads values to decide when to stop, cannot run.
 */
final class Dense {
    private Dense() {}

    /** A⁻¹ for A n×n row-major; throws {@link ConvergenceException} if a pivot is zero to rounding. */
    static double[] inverse(double[] a, int n, String who) {
        double[] m = a.clone();
        double[] inv = new double[n * n];
        for (int i = 0; i < n; i++) inv[i * n + i] = 1;
        double scale = 0;
        for (double d : a) scale = Math.max(scale, Math.abs(d));
        if (!Double.isFinite(scale)) throw new ConvergenceException(who, 0, Double.NaN, "the matrix has NaN or ∞");
        double tiny = scale * n * 1e-15;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) p = r;
            if (!(Math.abs(m[p * n + c]) > tiny)) {
                throw new ConvergenceException(who, c, Math.abs(m[p * n + c]) / Math.max(scale, Double.MIN_VALUE),
                        "the " + n + "×" + n + " matrix of the linear system is singular (pivot " + c + " is zero to "
                        + "rounding; the residual shown is that pivot relative to the largest entry)");
            }
            if (p != c) {
                swapRows(m, n, c, p);
                swapRows(inv, n, c, p);
            }
            double d = m[c * n + c];
            for (int r = 0; r < n; r++) {
                if (r == c) continue;
                double f = m[r * n + c] / d;
                if (f == 0) continue;
                for (int k = c; k < n; k++) m[r * n + k] -= f * m[c * n + k];
                for (int k = 0; k < n; k++) inv[r * n + k] -= f * inv[c * n + k];
            }
        }
        for (int r = 0; r < n; r++) {
            double d = m[r * n + r];
            for (int k = 0; k < n; k++) inv[r * n + k] /= d;
        }
        return inv;
    }

    private static void swapRows(double[] m, int n, int i, int j) {
        for (int k = 0; k < n; k++) {
            double t = m[i * n + k];
            m[i * n + k] = m[j * n + k];
            m[j * n + k] = t;
        }
    }
}
