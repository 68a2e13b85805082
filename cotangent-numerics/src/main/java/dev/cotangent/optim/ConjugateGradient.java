package dev.cotangent.optim;

import java.util.function.UnaryOperator;

/**
 * Conjugate gradients for A x = b with A symmetric positive definite, given only as the product v ↦ A v
 * (e.g. a Hessian-vector product from {@link dev.cotangent.AD#hvp}).
 */
public final class ConjugateGradient {
    /** The solution, the iterations used and the final residual norm ‖b − A x‖. */
    public record Result(double[] x, int iterations, double residual) {}

    private ConjugateGradient() {}

    /**
     * Iterates from x = 0 until ‖r‖ ≤ relTol·‖b‖ or {@code maxIterations}; stops early (keeping the last
     * iterate) if it meets a direction of non-positive curvature.
     */
    public static Result solve(UnaryOperator<double[]> a, double[] b, double relTol, int maxIterations) {
        int n = b.length;
        double[] x = new double[n];
        double[] r = b.clone();
        double[] p = b.clone();
        double rr = Lbfgs.dot(r, r);
        double stop = relTol * Math.sqrt(rr);
        int k = 0;
        while (k < maxIterations && Math.sqrt(rr) > stop) {
            double[] ap = a.apply(p);
            double pap = Lbfgs.dot(p, ap);
            if (pap <= 0) {
                if (k == 0) x = b.clone(); // no curvature information: fall back to the gradient direction
                break;
            }
            double alpha = rr / pap;
            for (int i = 0; i < n; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            double rrNew = Lbfgs.dot(r, r);
            double beta = rrNew / rr;
            for (int i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
            rr = rrNew;
            k++;
        }
        return new Result(x, k, Math.sqrt(rr));
    }
}
