package dev.cotangent.optim;

/**
 * Small dense solves for Newton steps: Cholesky for symmetric positive definite systems, Gaussian elimination
 * with partial pivoting otherwise. (The engine's public API has no linear algebra yet; when a linalg library
 * lands this should call it.)
 */
public final class LinearSolve {
    private LinearSolve() {}

    /** x with A x = b; A is n×n row-major ({@code a[i*n + j]}), not modified. */
    public static double[] solve(double[] a, double[] b) {
        double[] x = cholesky(a, b);
        return x != null ? x : gauss(a, b);
    }

    /** x with A x = b by Cholesky, or null if A is not (numerically) symmetric positive definite. */
    public static double[] cholesky(double[] a, double[] b) {
        int n = b.length;
        requireSquare(a, n);
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
            if (!(d > 0)) return null;
            double ljj = Math.sqrt(d);
            l[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = 0.5 * (a[i * n + j] + a[j * n + i]);
                for (int k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
                l[i * n + j] = s / ljj;
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i * n + k] * y[k];
            y[i] = s / l[i * n + i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
            x[i] = s / l[i * n + i];
        }
        return x;
    }

    /** x with A x = b by Gaussian elimination with partial pivoting; throws if A is singular. */
    public static double[] gauss(double[] a, double[] b) {
        int n = b.length;
        requireSquare(a, n);
        double[] m = a.clone();
        double[] x = b.clone();
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) p = r;
            if (m[p * n + c] == 0) throw new ArithmeticException("LinearSolve: the matrix is singular (column " + c + ")");
            if (p != c) {
                for (int k = 0; k < n; k++) {
                    double t = m[c * n + k];
                    m[c * n + k] = m[p * n + k];
                    m[p * n + k] = t;
                }
                double t = x[c];
                x[c] = x[p];
                x[p] = t;
            }
            for (int r = c + 1; r < n; r++) {
                double f = m[r * n + c] / m[c * n + c];
                if (f == 0) continue;
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

    private static void requireSquare(double[] a, int n) {
        if (a.length != n * n) {
            throw new IllegalArgumentException("LinearSolve: a matrix of " + a.length + " entries for " + n
                    + " unknowns; expected " + n + "×" + n);
        }
    }
}
