package dev.cotangent.implicit;

import java.util.SplittableRandom;

/**
 * Test helper: the closed forms computed by hand on {@code double[]} (row-major matrices), independently of the
 * code under test — a textbook Gaussian elimination with partial pivoting, products and transposes.
 */
final class Exact {
    private Exact() {}

    /** x with A x = b, A n×n. */
    static double[] solve(double[] a, double[] b) {
        int n = b.length;
        double[] m = a.clone();
        double[] x = b.clone();
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) p = r;
            for (int k = 0; k < n; k++) {
                double t = m[c * n + k];
                m[c * n + k] = m[p * n + k];
                m[p * n + k] = t;
            }
            double t = x[c];
            x[c] = x[p];
            x[p] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r * n + c] / m[c * n + c];
                for (int k = c; k < n; k++) m[r * n + k] -= f * m[c * n + k];
                x[r] -= f * x[c];
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double s = x[r];
            for (int k = r + 1; k < n; k++) s -= m[r * n + k] * x[k];
            x[r] = s / m[r * n + r];
        }
        return x;
    }

    /** A⁻¹ B for B n×k (column by column); result n×k row-major. */
    static double[] solveMatrix(double[] a, double[] b, int n, int k) {
        double[] out = new double[n * k];
        for (int j = 0; j < k; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = b[i * k + j];
            double[] x = solve(a, col);
            for (int i = 0; i < n; i++) out[i * k + j] = x[i];
        }
        return out;
    }

    /** A (r×c) times v. */
    static double[] mul(double[] a, int r, int c, double[] v) {
        double[] y = new double[r];
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) y[i] += a[i * c + j] * v[j];
        return y;
    }

    /** Aᵀ (A r×c) times v. */
    static double[] mulT(double[] a, int r, int c, double[] v) {
        double[] y = new double[c];
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) y[j] += a[i * c + j] * v[i];
        return y;
    }

    /** AᵀA + λI for A r×c. */
    static double[] gram(double[] a, int r, int c, double lambda) {
        double[] g = new double[c * c];
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < c; j++) {
                double s = 0;
                for (int k = 0; k < r; k++) s += a[k * c + i] * a[k * c + j];
                g[i * c + j] = s + (i == j ? lambda : 0);
            }
        }
        return g;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double[] random(SplittableRandom rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.nextDouble(-1, 1);
        return v;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        if (a.length != b.length) throw new AssertionError("lengths " + a.length + " and " + b.length);
        double d = 0;
        for (int i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
        return d;
    }
}
