package dev.cotangent.implicit;

import java.util.function.UnaryOperator;

/**
 * Krylov methods for A x = b on {@code double[]}, with A given only as its product v ↦ A v: conjugate gradients,
 * restarted GMRES and BiCGSTAB. Each starts from x = 0 and stops when ‖b − A x‖ ≤ tol·‖b‖; otherwise it throws a
 * {@link ConvergenceException} naming the caller, the products used and the relative residual reached — at the
 * iteration limit, on a NaN or infinity, or when the method breaks down or stagnates, which is how a singular A
 * shows itself.
 */
final class Krylov {
    private Krylov() {}

    /** The solution and the products with A it took. */
    record Result(double[] x, int products, double relativeResidual) {}

    static Result solve(Options.Method method, UnaryOperator<double[]> a, double[] b, Options o, String who) {
        double bn = norm(b);
        if (!Double.isFinite(bn)) {
            throw new ConvergenceException(who, 0, Double.NaN, "the right-hand side is not finite");
        }
        if (bn == 0) return new Result(new double[b.length], 0, 0);
        return switch (method) {
            case CG -> cg(a, b, bn, o, who + " (CG)");
            case BICGSTAB -> bicgstab(a, b, bn, o, who + " (BiCGSTAB)");
            default -> gmres(a, b, bn, o, who + " (GMRES)");
        };
    }

    private static final String SINGULAR = "the linear system may be singular (at a root: ∂F/∂x is not invertible there)";

    /** Conjugate gradients; fails on pᵀAp = 0 or a non-finite value (a singular or non-symmetric A). */
    static Result cg(UnaryOperator<double[]> a, double[] b, double bn, Options o, String who) {
        int n = b.length;
        double[] x = new double[n];
        double[] r = b.clone();
        double[] p = b.clone();
        double rr = dot(r, r);
        double stop = o.linearTolerance() * bn;
        int k = 0;
        while (Math.sqrt(rr) > stop) {
            if (k >= o.maxLinearIterations()) {
                throw new ConvergenceException(who, k, Math.sqrt(rr) / bn, "iteration limit reached; " + SINGULAR
                        + ", ill-conditioned, or not symmetric (try GMRES) — raise maxLinearIterations if it is slow");
            }
            double[] ap = a.apply(p);
            double pap = dot(p, ap);
            k++;
            if (!Double.isFinite(pap)) throw new ConvergenceException(who, k, Double.NaN, "a product gave NaN or ∞");
            if (pap == 0) throw new ConvergenceException(who, k, Math.sqrt(rr) / bn, "pᵀAp = 0: " + SINGULAR);
            double alpha = rr / pap;
            for (int i = 0; i < n; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            double rrNew = dot(r, r);
            double beta = rrNew / rr;
            for (int i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
            rr = rrNew;
        }
        return new Result(x, k, Math.sqrt(rr) / bn);
    }

    /**
     * GMRES(m): Arnoldi with modified Gram–Schmidt applied twice, Givens rotations on the Hessenberg matrix, the true
     * residual recomputed at each restart. A restart cycle that does not reduce the residual means stagnation.
     */
    static Result gmres(UnaryOperator<double[]> a, double[] b, double bn, Options o, String who) {
        int n = b.length;
        int m = Math.min(o.restart(), n);
        double stop = o.linearTolerance() * bn;
        double[] x = new double[n];
        double[] r = b.clone();
        double beta = bn;
        int products = 0;
        double[][] v = new double[m + 1][];
        double[][] h = new double[m + 1][m];
        double[] cs = new double[m];
        double[] sn = new double[m];
        double[] g = new double[m + 1];
        while (beta > stop) {
            if (products >= o.maxLinearIterations()) {
                throw new ConvergenceException(who, products, beta / bn, "iteration limit reached; " + SINGULAR
                        + ", or ill-conditioned — raise maxLinearIterations or restart if it is slow");
            }
            v[0] = scale(r, 1 / beta);
            java.util.Arrays.fill(g, 0);
            g[0] = beta;
            int k = 0;
            while (k < m && products < o.maxLinearIterations()) {
                double[] w = a.apply(v[k]);
                products++;
                if (!finite(w)) throw new ConvergenceException(who, products, Double.NaN, "a product gave NaN or ∞");
                for (int pass = 0; pass < 2; pass++) {
                    for (int i = 0; i <= k; i++) {
                        double c = dot(w, v[i]);
                        h[i][k] = pass == 0 ? c : h[i][k] + c;
                        axpy(-c, v[i], w);
                    }
                }
                double hn = norm(w);
                for (int i = 0; i < k; i++) { // the earlier rotations, on the new column
                    double t = cs[i] * h[i][k] + sn[i] * h[i + 1][k];
                    h[i + 1][k] = -sn[i] * h[i][k] + cs[i] * h[i + 1][k];
                    h[i][k] = t;
                }
                double d = Math.hypot(h[k][k], hn);
                if (d == 0) {
                    throw new ConvergenceException(who, products, Math.abs(g[k]) / bn, "A maps a Krylov vector to 0: "
                            + SINGULAR);
                }
                cs[k] = h[k][k] / d;
                sn[k] = hn / d;
                h[k][k] = d;
                g[k + 1] = -sn[k] * g[k];
                g[k] = cs[k] * g[k];
                k++;
                if (Math.abs(g[k]) <= stop || hn == 0) break;
                v[k] = scale(w, 1 / hn);
            }
            double[] y = new double[k]; // back substitution on the triangular k×k block
            for (int i = k - 1; i >= 0; i--) {
                double s = g[i];
                for (int j = i + 1; j < k; j++) s -= h[i][j] * y[j];
                y[i] = s / h[i][i];
            }
            for (int j = 0; j < k; j++) axpy(y[j], v[j], x);
            double[] ax = a.apply(x);
            for (int i = 0; i < n; i++) r[i] = b[i] - ax[i];
            double next = norm(r);
            if (!Double.isFinite(next)) throw new ConvergenceException(who, products, Double.NaN, "NaN or ∞ in x");
            if (next > stop && next >= 0.999 * beta) {
                throw new ConvergenceException(who, products, next / bn, "a restart cycle of " + k + " products did "
                        + "not reduce the residual (stagnation): " + SINGULAR + (k < n ? ", or the restart length " + m
                        + " is too short" : ""));
            }
            beta = next;
        }
        return new Result(x, products, beta / bn);
    }

    /** BiCGSTAB (van der Vorst); fails when ρ or ω vanish (breakdown) or at the limit. */
    static Result bicgstab(UnaryOperator<double[]> a, double[] b, double bn, Options o, String who) {
        int n = b.length;
        double stop = o.linearTolerance() * bn;
        double[] x = new double[n];
        double[] r = b.clone();
        double[] r0 = b.clone();
        double[] p = new double[n];
        double[] v = new double[n];
        double rho = 1;
        double alpha = 1;
        double omega = 1;
        double rn = bn;
        int products = 0;
        while (rn > stop) {
            if (products >= o.maxLinearIterations()) {
                throw new ConvergenceException(who, products, rn / bn, "iteration limit reached; " + SINGULAR);
            }
            double rhoNew = dot(r0, r);
            if (rhoNew == 0 || omega == 0) {
                throw new ConvergenceException(who, products, rn / bn, "breakdown (ρ or ω = 0): " + SINGULAR
                        + "; GMRES is more robust");
            }
            double beta = (rhoNew / rho) * (alpha / omega);
            for (int i = 0; i < n; i++) p[i] = r[i] + beta * (p[i] - omega * v[i]);
            v = a.apply(p);
            products++;
            double r0v = dot(r0, v);
            if (r0v == 0 || !Double.isFinite(r0v)) {
                throw new ConvergenceException(who, products, rn / bn, "breakdown (r₀ᵀAp = 0 or not finite): "
                        + SINGULAR);
            }
            alpha = rhoNew / r0v;
            double[] s = r.clone();
            axpy(-alpha, v, s);
            axpy(alpha, p, x);
            if (norm(s) <= stop) {
                r = s;
                rn = norm(s);
                break;
            }
            double[] t = a.apply(s);
            products++;
            double tt = dot(t, t);
            omega = tt == 0 ? 0 : dot(t, s) / tt;
            axpy(omega, s, x);
            for (int i = 0; i < n; i++) r[i] = s[i] - omega * t[i];
            rn = norm(r);
            if (!Double.isFinite(rn)) throw new ConvergenceException(who, products, Double.NaN, "NaN or ∞ in x");
            rho = rhoNew;
        }
        return new Result(x, products, rn / bn);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) y[i] += alpha * x[i];
    }

    private static double[] scale(double[] x, double c) {
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) r[i] = c * x[i];
        return r;
    }

    private static boolean finite(double[] x) {
        for (double d : x) if (!Double.isFinite(d)) return false;
        return true;
    }
}
