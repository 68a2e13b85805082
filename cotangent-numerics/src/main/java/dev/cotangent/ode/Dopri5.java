package dev.cotangent.ode;

import dev.cotangent.Tensor;

/**
 * One step of the Dormand–Prince 5(4) pair (Hairer, Nørsett and Wanner, "Solving Ordinary Differential Equations
 * I", II.5, table 5.2), written with ops so that every transform can run through it: seven stages, the last of
 * which is F at the new point (first same as last), the fifth-order solution kept (local extrapolation) and the
 * difference to the embedded fourth-order one as the error estimate.
 */
final class Dopri5 {
    /** The stage coefficients a_ij (row i gives stage i+1 from stages 1 … i); row 6 is the solution weights b. */
    static final double[][] A = {
        {},
        {1.0 / 5},
        {3.0 / 40, 9.0 / 40},
        {44.0 / 45, -56.0 / 15, 32.0 / 9},
        {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
        {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
        {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84},
    };

    /** b − b̂: the fifth-order weights minus the embedded fourth-order ones (the seventh is the FSAL stage). */
    static final double[] E = {71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40};

    private Dopri5() {}

    /** The new point, F there (null unless the error was asked for) and the error estimate (null likewise). */
    record Trial(Tensor[] y, Tensor[] k7, Tensor[] error) {}

    /**
     * A step of size h from y, where k1 = F(y). With {@code withError}, also evaluates F at the new point (the
     * next step's k1) and the error estimate h·Σ (b_i − b̂_i) k_i; without, six evaluations of F and no more.
     */
    static Trial step(Field f, Tensor[] y, Tensor[] k1, double h, boolean withError) {
        Tensor[][] k = new Tensor[7][];
        k[0] = k1;
        for (int s = 1; s < 6; s++) k[s] = f.at(combine(y, h, A[s], k));
        Tensor[] y1 = combine(y, h, A[6], k);
        if (!withError) return new Trial(y1, null, null);
        k[6] = f.at(y1);
        return new Trial(y1, k[6], combine(null, h, E, k));
    }

    /** base + h·Σ_j c_j k_j, component by component (zero coefficients skipped; no base when null). */
    static Tensor[] combine(Tensor[] base, double h, double[] c, Tensor[][] k) {
        int n = k[0].length;
        Tensor[] r = new Tensor[n];
        for (int i = 0; i < n; i++) {
            Tensor acc = base == null ? null : base[i];
            for (int j = 0; j < c.length; j++) {
                if (c[j] == 0) continue;
                Tensor term = k[j][i].mul(h * c[j]);
                acc = acc == null ? term : acc.add(term);
            }
            r[i] = acc;
        }
        return r;
    }

    /**
     * Hairer's error norm sqrt(mean over every element of (e_i / (atol + rtol·max(|y_i|, |y1_i|)))²); NaN when a
     * value is not finite. A component without values (a batch of examples under vmap, as the cotangent is in
     * jacrev) does not take part: the step is then controlled by the other components.
     */
    static double errorNorm(Tensor[] err, Tensor[] y, Tensor[] y1, double rtol, double atol) {
        double sum = 0;
        long n = 0;
        boolean readable = false;
        for (int c = 0; c < err.length; c++) {
            double[] e = values(err[c]);
            double[] a = values(y[c]);
            double[] b = values(y1[c]);
            if (e == null || a == null || b == null) continue;
            readable = true;
            for (int i = 0; i < e.length; i++) {
                double sc = atol + rtol * Math.max(Math.abs(a[i]), Math.abs(b[i]));
                double q = e[i] / sc;
                sum += q * q;
            }
            n += e.length;
        }
        if (!readable && err.length > 0) {
            throw new IllegalArgumentException("ode: DOPRI5 chooses its step sizes on values, and no component of "
                    + "the state has one here (it is staged, or a batch under vmap); use OdeOptions.rk4 here");
        }
        double r = n == 0 ? 0 : Math.sqrt(sum / n);
        return Double.isInfinite(r) ? Double.NaN : r;
    }

    /** The root-mean-square of (v_i / (atol + rtol·|y_i|)) over every element (the norm of the initial step). */
    static double scaledNorm(Tensor[] v, Tensor[] y, double rtol, double atol) {
        double sum = 0;
        long n = 0;
        for (int c = 0; c < v.length; c++) {
            double[] e = values(v[c]);
            double[] a = values(y[c]);
            if (e == null || a == null) continue;
            for (int i = 0; i < e.length; i++) {
                double q = e[i] / (atol + rtol * Math.abs(a[i]));
                sum += q * q;
            }
            n += e.length;
        }
        return n == 0 ? 0 : Math.sqrt(sum / n);
    }

    /** Whether every element of every component with values is finite. */
    static boolean finite(Tensor[] v) {
        for (Tensor t : v) {
            double[] d = values(t);
            if (d == null) continue;
            for (double x : d) if (!Double.isFinite(x)) return false;
        }
        return true;
    }

    /**
     * The numbers a tensor carries (a tracer's primal), or null when it has none: a batch under vmap or a staged
     * tensor. Step control reads them; the values are never written.
     */
    static double[] values(Tensor t) {
        try {
            return t.value().unsafeData();
        } catch (IllegalStateException none) {
            return null;
        }
    }
}
