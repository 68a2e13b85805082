package dev.cotangent.implicit;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * x*(θ) with F(x*(θ), θ) = 0 as one differentiable operation: the value from a solver run on concrete values,
 * the derivatives from the implicit function theorem. Forward mode solves ∂ₓF ẋ = −∂_θF θ̇; reverse mode solves
 * (∂ₓF)ᵀ w = x̄ and returns θ̄ = −(∂_θF)ᵀ w. Both systems go to {@link LinearSolves} (matrix-free: products with ∂ₓF
 * are JVPs of F in x, with (∂ₓF)ᵀ VJPs), and both rules are written with ops, so second derivatives follow. As
 * in LinearSolves, the operation is a {@code customVjp} (the reverse rule) around a {@code customJvp} (the forward
 * rule). Reverse mode records this one operation, whatever the solver's iteration count.
 */
final class Roots {
    private Roots() {}

    /** A solver run on concrete values: (x0, θ) ↦ x* (not differentiated). */
    @FunctionalInterface
    interface Solver {
        Tensor solve(Tensor x0, Tensor[] theta);
    }

    /**
     * The root of F near x0; {@code symmetric} says ∂ₓF is symmetric (a gradient's Jacobian), so CG solves the
     * derivative systems; {@code who} names the caller in errors.
     */
    static Tensor root(BiFunction<Tensor, Tensor[], Tensor> f, Solver solver, Tensor x0, Tensor[] theta,
                       boolean symmetric, Options o, String who) {
        if (theta.length == 0) throw new IllegalArgumentException(who + ": give at least one parameter tensor θ");
        Tensor start = Tensor.from(x0.value()); // a starting point only: x* does not depend on it
        LinearMap jac = LinearMap.jacobian(f, symmetric);
        Function<Tensor[], Tensor> forward = AD.customJvp(ps -> solveAndCheck(f, solver, start, ps, o, who),
                (ps, dps, x) -> tangent(f, jac, ps, dps, x, o, who));
        return AD.customVjp(forward, (ps, x, ct) -> cotangents(f, jac, ps, x, ct, o, who)).apply(theta.clone());
    }

    /** θ̄ = −(∂_θF)ᵀ w with (∂ₓF)ᵀ w = x̄ at (x, θ): one transposed solve and one VJP of F. */
    private static Tensor[] cotangents(BiFunction<Tensor, Tensor[], Tensor> f, LinearMap jac, Tensor[] theta, Tensor x,
                                       Tensor ct, Options o, String who) {
        Tensor w = LinearSolves.solve(jac.transpose(), ct, LinearSolves.join(x, theta), o,
                who + ": derivative, transposed linear solve");
        Tensor[] g = AD.vjp((Tensor[] th) -> f.apply(x, th), theta).pullback(w);
        Tensor[] out = new Tensor[g.length];
        for (int i = 0; i < g.length; i++) out[i] = g[i] == null ? null : g[i].neg();
        return out;
    }

    /** ẋ = −(∂ₓF)⁻¹ ∂_θF θ̇ at (x, θ). */
    private static Tensor tangent(BiFunction<Tensor, Tensor[], Tensor> f, LinearMap jac, Tensor[] theta,
                                  Tensor[] dTheta, Tensor x, Options o, String who) {
        if (LinearSolves.allConcreteZeros(dTheta)) return Tensor.zeros(x.shape());
        Tensor rhs = AD.jvp((Tensor[] th) -> f.apply(x, th), theta, dTheta).tangent().neg();
        return LinearSolves.solve(jac, rhs, LinearSolves.join(x, theta), o, who + ": derivative, linear solve");
    }

    private static Tensor solveAndCheck(BiFunction<Tensor, Tensor[], Tensor> f, Solver solver, Tensor x0,
                                        Tensor[] theta, Options o, String who) {
        Tensor x = solver.solve(x0, theta);
        if (x == null || !x.dims().equals(x0.dims())) {
            throw new IllegalArgumentException(who + ": the solver returned " + (x == null ? "null" : "shape "
                    + x.dims()) + " for x0 of shape " + x0.dims() + "; return x* of x0's shape");
        }
        if (o.residualCheck() == Double.POSITIVE_INFINITY) return x;
        Tensor fx = f.apply(x, theta);
        if (!fx.dims().equals(x.dims())) {
            throw new IllegalArgumentException(who + ": F(x, θ) has shape " + fx.dims() + " but x has shape " + x.dims()
                    + "; F must map x to a value of x's shape (a square system)");
        }
        double r = norm(fx.toArray());
        double scale = Math.max(1, norm(f.apply(x0, theta).toArray()));
        if (!(r <= o.residualCheck() * scale)) {
            throw new ConvergenceException(who, 0, Double.isFinite(r) ? r : Double.NaN, "the solver's x* leaves "
                    + "‖F(x*, θ)‖ = " + r + " > " + o.residualCheck() + "·max(1, ‖F(x0, θ)‖) = " + o.residualCheck() * scale
                    + "; the implicit derivative holds only at a root (Options.withResidualCheck to change the check)");
        }
        return x;
    }

    static double norm(double[] a) {
        return Krylov.norm(a);
    }
}
