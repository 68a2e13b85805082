package dev.cotangent.ode;

/**
 * e^A on double[][] by scaling and squaring with a Taylor series, written here independently of the code under
 * test; and the Fréchet derivative L(A, E) = d/dε e^{A+εE} from the block identity
 * exp([[A, E], [0, A]]) = [[e^A, L(A, E)], [0, e^A]].
 */
final class MatrixExp {
    private MatrixExp() {}

    static double[][] expm(double[][] a) {
        int n = a.length;
        double norm = 0;
        for (double[] row : a) {
            double s = 0;
            for (double v : row) s += Math.abs(v);
            norm = Math.max(norm, s);
        }
        int squarings = Math.max(0, (int) Math.ceil(Math.log(norm / 0.25) / Math.log(2)));
        double scale = Math.pow(2, -squarings);
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) b[i][j] = a[i][j] * scale;
        double[][] sum = identity(n);
        double[][] term = identity(n);
        for (int k = 1; k <= 30; k++) {
            term = times(term, b);
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) term[i][j] /= k;
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) sum[i][j] += term[i][j];
        }
        for (int s = 0; s < squarings; s++) sum = times(sum, sum);
        return sum;
    }

    /** L(A, E): the derivative of e^A in the direction E. */
    static double[][] frechet(double[][] a, double[][] e) {
        int n = a.length;
        double[][] big = new double[2 * n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                big[i][j] = a[i][j];
                big[n + i][n + j] = a[i][j];
                big[i][n + j] = e[i][j];
            }
        }
        double[][] x = expm(big);
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) l[i][j] = x[i][n + j];
        return l;
    }

    static double[][] times(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < b.length; k++) {
                double v = a[i][k];
                for (int j = 0; j < m; j++) c[i][j] += v * b[k][j];
            }
        }
        return c;
    }

    static double[] apply(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < x.length; j++) y[i] += a[i][j] * x[j];
        return y;
    }

    static double[][] identity(int n) {
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) r[i][i] = 1;
        return r;
    }
}
