package dev.cotangent.bench.loops;

/**
 * The reference for the solvers' overhead: RK4 and DOPRI5 (same tableau, error norm, step-size control and initial
 * step as cotangent-numerics' solvers) written directly on double[] for u(x) = tanh(W x), W n×n row-major. No
 * allocation per step beyond the stage arrays made once.
 */
final class PlainOde {
    private final double[] w;
    private final int n;

    PlainOde(double[] w, int n) {
        this.w = w;
        this.n = n;
    }

    /** out = tanh(W x). */
    void u(double[] x, double[] out) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) s += w[row + j] * x[j];
            out[i] = Math.tanh(s);
        }
    }

    /** x(t1) by {@code steps} RK4 steps. */
    double[] rk4(double[] x0, double t1, int steps) {
        double h = t1 / steps;
        double[] x = x0.clone();
        double[] k1 = new double[n];
        double[] k2 = new double[n];
        double[] k3 = new double[n];
        double[] k4 = new double[n];
        double[] tmp = new double[n];
        for (int s = 0; s < steps; s++) {
            u(x, k1);
            for (int i = 0; i < n; i++) tmp[i] = x[i] + k1[i] * (h / 2);
            u(tmp, k2);
            for (int i = 0; i < n; i++) tmp[i] = x[i] + k2[i] * (h / 2);
            u(tmp, k3);
            for (int i = 0; i < n; i++) tmp[i] = x[i] + k3[i] * h;
            u(tmp, k4);
            for (int i = 0; i < n; i++) x[i] = x[i] + (k1[i] + k4[i] + (k2[i] + k3[i]) * 2) * (h / 6);
        }
        return x;
    }

    static final double[][] A = {
        {},
        {1.0 / 5},
        {3.0 / 40, 9.0 / 40},
        {44.0 / 45, -56.0 / 15, 32.0 / 9},
        {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
        {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
        {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84},
    };
    static final double[] E = {71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40};

    /** x(t1) by DOPRI5; {@code accepted[0]} receives the number of accepted steps. */
    double[] dopri5(double[] x0, double t1, double rtol, double atol, int[] accepted) {
        double[][] k = new double[7][n];
        double[] y = x0.clone();
        double[] y1 = new double[n];
        double[] tmp = new double[n];
        u(y, k[0]);
        double h = initialStep(y, k[0], rtol, atol, t1, tmp);
        double t = 0;
        double facOld = 1e-4;
        boolean rejectedLast = false;
        int count = 0;
        double expo = 0.2 - 0.04 * 0.75;
        while (true) {
            boolean last = t + 1.01 * h >= t1;
            double hs = last ? t1 - t : h;
            for (int s = 1; s < 7; s++) {
                double[] target = s < 6 ? tmp : y1;
                for (int i = 0; i < n; i++) {
                    double acc = y[i];
                    for (int j = 0; j < s; j++) if (A[s][j] != 0) acc += k[j][i] * (hs * A[s][j]);
                    target[i] = acc;
                }
                if (s < 6) u(tmp, k[s]);
            }
            u(y1, k[6]);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double e = 0;
                for (int j = 0; j < 7; j++) if (E[j] != 0) e += k[j][i] * (hs * E[j]);
                double sc = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(y1[i]));
                sum += (e / sc) * (e / sc);
            }
            double err = Math.sqrt(sum / n);
            double fac11 = Math.pow(err, expo);
            if (err <= 1) {
                double fac = Math.max(0.1, Math.min(5, fac11 / Math.pow(facOld, 0.04) / 0.9));
                double hNew = Math.min(hs / fac, t1);
                if (rejectedLast) hNew = Math.min(hNew, hs);
                facOld = Math.max(err, 1e-4);
                rejectedLast = false;
                count++;
                t = last ? t1 : t + hs;
                double[] swap = y;
                y = y1;
                y1 = swap;
                double[] k0 = k[0];
                k[0] = k[6];
                k[6] = k0;
                h = last ? Math.max(hNew, h) : hNew;
                if (last) break;
            } else {
                h = hs / Math.min(5, fac11 / 0.9);
                rejectedLast = true;
            }
        }
        accepted[0] = count;
        return y;
    }

    private double initialStep(double[] y, double[] f0, double rtol, double atol, double span, double[] tmp) {
        double dny = 0;
        double dnf = 0;
        for (int i = 0; i < n; i++) {
            double sc = atol + rtol * Math.abs(y[i]);
            dny += (y[i] / sc) * (y[i] / sc);
            dnf += (f0[i] / sc) * (f0[i] / sc);
        }
        dny = Math.sqrt(dny / n);
        dnf = Math.sqrt(dnf / n);
        double h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : 0.01 * dny / dnf;
        h = Math.min(h, span);
        double[] y1 = new double[n];
        for (int i = 0; i < n; i++) y1[i] = y[i] + f0[i] * h;
        u(y1, tmp);
        double der2 = 0;
        for (int i = 0; i < n; i++) {
            double sc = atol + rtol * Math.abs(y[i]);
            der2 += ((tmp[i] - f0[i]) / sc) * ((tmp[i] - f0[i]) / sc);
        }
        der2 = Math.sqrt(der2 / n) / h;
        double der12 = Math.max(Math.abs(der2), dnf);
        double h1 = der12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : Math.pow(0.01 / der12, 0.2);
        return Math.min(Math.min(100 * h, h1), span);
    }
}
