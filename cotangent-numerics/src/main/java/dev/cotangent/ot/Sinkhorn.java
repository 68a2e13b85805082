package dev.cotangent.ot;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.implicit.ConvergenceException;
import dev.cotangent.implicit.Implicit;

/**
 * Entropic optimal transport by Sinkhorn's algorithm, differentiable two ways. Between histograms a [n] and b [m]
 * (positive, equal sums) for a cost C [n, m] and ε > 0, the plan is P = diag(u) K diag(v) with K = exp(−C/ε),
 * u ⊙ (K v) = a and v ⊙ (Kᵀ u) = b: the minimiser of ⟨P, C⟩ + ε Σ P_ij (log P_ij − 1) over plans with marginals
 * a and b. It is computed in the log domain (potentials f = ε log u, g = ε log v and logsumexp; no overflow for small
 * ε), and converged by default until the relative marginal error ‖Pᵀ1 − b‖₁ / ‖b‖₁ ≤ 1e-12 (the rows are exact
 * after each iteration).
 *
 * <ul>
 *   <li>{@link Gradient#UNROLLED}: the iterations actually run are plain ops, recorded by reverse mode
 *       ("back-propagation through Sinkhorn"); memory grows linearly with the iteration count.</li>
 *   <li>{@link Gradient#IMPLICIT}: the potential f is the fixed point of the log-domain Sinkhorn map f ↦ T(f)
 *       (one column and one row update), made unique by centring (T̃(f) = T(f) − mean T(f)), and differentiated
 *       with {@link Implicit#root} ("Hessian inversion"): one GMRES solve with I − ∂T̃, memory independent of the
 *       iteration count.</li>
 * </ul>
 * At convergence the two agree (to about 1e-8 and better). Derivatives with respect to a and b are meaningful along
 * directions that keep Σa = Σb (through a softmax, say): in the normal direction the two modes differ (IMPLICIT
 * treats a as a·Σb/Σa, UNROLLED does not), and both solve only histograms of equal sums.
 *
 * <pre>{@code
 * Tensor p = Sinkhorn.plan(a, b, c, 0.05, Sinkhorn.Gradient.IMPLICIT);
 * Tensor dC = AD.grad(cc -> Sinkhorn.cost(a, b, cc, 0.05, Sinkhorn.Gradient.IMPLICIT)).apply(c);
 * }</pre>
 */
public final class Sinkhorn {
    private Sinkhorn() {}

    /** How the plan is differentiated. */
    public enum Gradient {
        /** Reverse mode records the iterations run (memory ∝ iterations). */
        UNROLLED,
        /** The implicit function theorem at the fixed point (memory independent of iterations). */
        IMPLICIT
    }

    /**
     * Stopping rule and solver options.
     *
     * @param tolerance     stop when the relative marginal error ≤ tolerance (default 1e-12)
     * @param maxIterations the limit, beyond which a {@link ConvergenceException} is thrown (default 100,000)
     * @param iterations    if positive: run exactly this many iterations and never throw (a truncated solve, e.g. to
     *                      study the unrolled gradient; IMPLICIT then differentiates as if the iterate were the fixed
     *                      point); 0 (default): until the tolerance
     * @param implicit      the options of IMPLICIT's linear solves (GMRES by default, relative residual 1e-12)
     */
    public record Options(double tolerance, int maxIterations, int iterations, dev.cotangent.implicit.Options implicit) {
        public static final Options DEFAULT = new Options(1e-12, 100_000, 0, dev.cotangent.implicit.Options.DEFAULT);

        public Options {
            if (!(tolerance > 0) || maxIterations < 1 || iterations < 0 || implicit == null) {
                throw new IllegalArgumentException("Sinkhorn.Options: tolerance > 0, maxIterations ≥ 1, iterations ≥ 0"
                        + " and implicit options are required");
            }
        }

        public Options withTolerance(double t) {
            return new Options(t, maxIterations, iterations, implicit);
        }

        public Options withMaxIterations(int n) {
            return new Options(tolerance, n, iterations, implicit);
        }

        /** Exactly {@code k} iterations, no convergence test (k = 0: back to the tolerance). */
        public Options withIterations(int k) {
            return new Options(tolerance, maxIterations, k, implicit);
        }

        public Options withImplicit(dev.cotangent.implicit.Options o) {
            return new Options(tolerance, maxIterations, iterations, o);
        }
    }

    /**
     * The solution: the potentials (f, g) with P_ij = exp((f_i + g_j − C_ij)/ε), the plan, the iterations run and
     * the relative marginal error reached.
     */
    public record Solution(Tensor f, Tensor g, Tensor plan, int iterations, double marginalError) {}

    /** The transport plan P [n, m]. */
    public static Tensor plan(Tensor a, Tensor b, Tensor c, double epsilon, Gradient mode) {
        return solve(a, b, c, epsilon, mode, Options.DEFAULT).plan();
    }

    /** The transport cost ⟨P, C⟩ (0-d). */
    public static Tensor cost(Tensor a, Tensor b, Tensor c, double epsilon, Gradient mode) {
        return cost(a, b, c, epsilon, mode, Options.DEFAULT);
    }

    /** {@link #plan(Tensor, Tensor, Tensor, double, Gradient)} with options. */
    public static Tensor plan(Tensor a, Tensor b, Tensor c, double epsilon, Gradient mode, Options o) {
        return solve(a, b, c, epsilon, mode, o).plan();
    }

    /** {@link #cost(Tensor, Tensor, Tensor, double, Gradient)} with options. */
    public static Tensor cost(Tensor a, Tensor b, Tensor c, double epsilon, Gradient mode, Options o) {
        return solve(a, b, c, epsilon, mode, o).plan().mul(c).sum();
    }

    /**
     * The entropic cost OT_ε = ⟨P, C⟩ + ε Σ P_ij (log P_ij − 1), the optimal value of the regularised problem.
     * By the envelope theorem its gradient with respect to C is P itself (that of ⟨P, C⟩ is not), and with respect
     * to a and b the potentials f and g (up to a constant).
     */
    public static Tensor entropicCost(Tensor a, Tensor b, Tensor c, double epsilon, Gradient mode, Options o) {
        Solution s = solve(a, b, c, epsilon, mode, o);
        Tensor p = s.plan();
        // ε log P_ij = f_i + g_j − C_ij, so ⟨P, C⟩ + ε Σ P (log P − 1) = Σ P_ij (f_i + g_j − ε)
        return p.mul(Ops.reshape(s.f(), s.f().size(), 1).add(s.g()).sub(epsilon)).sum();
    }

    /** Potentials, plan, iterations and marginal error, differentiated as {@code mode} says. */
    public static Solution solve(Tensor a, Tensor b, Tensor c, double epsilon, Gradient mode, Options o) {
        check(a, b, c, epsilon);
        LogDomain d = LogDomain.of(a, b, c, epsilon);
        return mode == Gradient.UNROLLED ? Iterations.unrolled(d, b, epsilon, o)
                : Iterations.implicit(d, b, epsilon, o);
    }

    private static void check(Tensor a, Tensor b, Tensor c, double epsilon) {
        if (a.rank() != 1 || b.rank() != 1 || c.rank() != 2 || c.dims().dim(0) != a.size()
                || c.dims().dim(1) != b.size()) {
            throw new IllegalArgumentException("Sinkhorn: a " + a.dims() + ", b " + b.dims() + " and C " + c.dims()
                    + "; give a [n], b [m] and C [n, m]");
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("Sinkhorn: ε = " + epsilon + "; give a finite ε > 0");
        }
        double sa = positiveSum("a", a.toArray());
        double sb = positiveSum("b", b.toArray());
        if (Math.abs(sa - sb) > 1e-9 * Math.max(sa, sb)) {
            throw new IllegalArgumentException("Sinkhorn: Σa = " + sa + " and Σb = " + sb + " differ; the histograms "
                    + "must have equal sums (normalise both, e.g. through a softmax)");
        }
    }

    private static double positiveSum(String name, double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0) || !Double.isFinite(v[i])) {
                throw new IllegalArgumentException("Sinkhorn: " + name + "[" + i + "] = " + v[i] + "; histograms must "
                        + "be positive and finite (drop empty bins, or add a small mass)");
            }
            s += v[i];
        }
        return s;
    }
}
