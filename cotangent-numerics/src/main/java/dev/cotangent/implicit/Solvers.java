package dev.cotangent.implicit;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGrad;
import dev.cotangent.optim.ConjugateGradient;
import dev.cotangent.tensor.Shape;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The built-in solvers of {@link Implicit}, run on concrete values: fixed-point iteration, and Newton–CG with exact
 * Hessian-vector products for argmin. Each converges to its {@link Options} tolerance or throws a
 * {@link ConvergenceException} naming the function, the iteration and the residual.
 */
final class Solvers {
    private Solvers() {}

    /** x_{k+1} = T(x_k, θ) until ‖x_{k+1} − x_k‖ ≤ tol·max(1, ‖x_{k+1}‖). */
    static Tensor iterate(BiFunction<Tensor, Tensor[], Tensor> t, Tensor x0, Tensor[] theta, Options o, String who) {
        double[] x = x0.toArray();
        Tensor xt = x0;
        for (int k = 1; k <= o.maxIterations(); k++) {
            Tensor next = t.apply(xt, theta);
            if (!next.dims().equals(x0.dims())) {
                throw new IllegalArgumentException(who + ": T(x, θ) has shape " + next.dims() + " for x of shape "
                        + x0.dims() + "; a fixed-point map keeps x's shape");
            }
            double[] y = next.toArray();
            double step = 0;
            double size = 0;
            for (int i = 0; i < y.length; i++) {
                step += (y[i] - x[i]) * (y[i] - x[i]);
                size += y[i] * y[i];
            }
            step = Math.sqrt(step);
            double rel = step / Math.max(1, Math.sqrt(size));
            if (!Double.isFinite(rel)) {
                throw new ConvergenceException(who, k, Double.NaN, "the iterate became NaN or ∞");
            }
            if (rel <= o.tolerance()) return next;
            if (k == o.maxIterations()) {
                throw new ConvergenceException(who, k, rel, "iteration limit reached with relative step " + rel
                        + " > " + o.tolerance() + "; is T a contraction near x*? (Options.withMaxIterations)");
            }
            x = y;
            xt = next;
        }
        throw new AssertionError("unreachable");
    }

    /**
     * Newton–CG: the Newton system ∇²E d = −∇E solved by CG on exact Hessian-vector products (forcing term
     * min(½, √(‖∇E‖/g₀)), so convergence is superlinear), a negative-curvature direction replaced by −∇E, and
     * backtracking to sufficient decrease. Stops when ‖∇E‖ ≤ tol·max(1, ‖∇E(x0)‖).
     */
    static Tensor newtonCg(Function<Tensor, Tensor> e, Tensor x0, Options o, String who) {
        Shape shape = x0.dims();
        Tensor x = x0;
        ValueAndGrad vg = valueAndGrad(e, x, who);
        double f = vg.value().item();
        double[] g = vg.grad().toArray();
        double g0 = Roots.norm(g);
        double target = o.tolerance() * Math.max(1, g0);
        for (int k = 0; ; k++) {
            double gn = Roots.norm(g);
            if (!Double.isFinite(gn) || !Double.isFinite(f)) {
                throw new ConvergenceException(who, k, Double.NaN, "the energy or its gradient became NaN or ∞");
            }
            if (gn <= target) return x;
            if (k == o.maxIterations()) {
                throw new ConvergenceException(who, k, gn, "iteration limit reached with ‖∇ₓE‖ = " + gn + " > "
                        + target + " (Options.withMaxIterations, withTolerance)");
            }
            Tensor at = x;
            double forcing = Math.min(0.5, Math.sqrt(gn / Math.max(1, g0)));
            ConjugateGradient.Result cg = ConjugateGradient.solve(
                    v -> AD.hvp(e, at, LinearMap.wrap(shape, v)).toArray(), g, forcing, Math.max(10, 2 * g.length));
            double[] d = cg.x();
            double slope = 0;
            for (int i = 0; i < d.length; i++) {
                d[i] = -d[i];
                slope += g[i] * d[i];
            }
            if (!(slope < 0)) { // not a descent direction (negative curvature): steepest descent
                for (int i = 0; i < d.length; i++) d[i] = -g[i];
                slope = -gn * gn;
            }
            boolean moved = false;
            for (double a = 1; a > 1e-10; a *= 0.5) {
                double[] xa = x.toArray();
                for (int i = 0; i < xa.length; i++) xa[i] += a * d[i];
                Tensor trial = LinearMap.wrap(shape, xa);
                ValueAndGrad t = valueAndGrad(e, trial, who);
                double ft = t.value().item();
                double[] gt = t.grad().toArray();
                double gtn = Roots.norm(gt);
                boolean armijo = ft <= f + 1e-4 * a * slope;
                // near x* the energy is flat to rounding: accept a step that keeps it and shrinks the gradient
                boolean flat = ft <= f + 1e-13 * Math.abs(f) && gtn < gn;
                if (Double.isFinite(ft) && Double.isFinite(gtn) && (armijo || flat)) {
                    x = trial;
                    f = ft;
                    g = gt;
                    moved = true;
                    break;
                }
            }
            if (!moved) {
                throw new ConvergenceException(who, k, gn, "the line search found no decrease along the Newton "
                        + "direction (‖∇ₓE‖ = " + gn + " > " + target + "); is E smooth and bounded below near x0?");
            }
        }
    }

    private static ValueAndGrad valueAndGrad(Function<Tensor, Tensor> e, Tensor x, String who) {
        return AD.valueAndGrad(e, x); // throws, naming grad, if E is not a scalar
    }
}
