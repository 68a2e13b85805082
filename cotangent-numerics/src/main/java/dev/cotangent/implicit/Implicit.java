package dev.cotangent.implicit;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import java.util.function.BiFunction;

/**
 * Implicit differentiation: functions defined by an equation rather than by a formula — a root, a fixed point,
 * a minimiser, the solution of a linear system — differentiated by the implicit function theorem instead of
 * through the iterations that compute them. If F(x*(θ), θ) = 0 and ∂ₓF is invertible there, then
 * <pre>  ∂x*(θ)/∂θ = −(∂ₓF)⁻¹ ∂_θF     (one linear system per derivative)</pre>
 * and for x*(θ) = argmin E(x, θ), F = ∇ₓE:  ∇_θ L(x*(θ)) = −(∂²E/∂x∂θ)ᵀ (∂²E/∂x²)⁻¹ ∇L(x*).
 *
 * <p>Every function here is an ordinary differentiable function of θ: forward mode (jvp, jacfwd) solves
 * ∂ₓF ẋ = −∂_θF θ̇ once; reverse mode (grad, vjp, jacrev) solves once with (∂ₓF)ᵀ; second derivatives (hessian,
 * hvp: bilevel optimisation) work because the rules are written with differentiable ops. The linear systems are
 * matrix-free: products with ∂ₓF are JVPs of F, with (∂ₓF)ᵀ VJPs; CG solves symmetric ones (argmin), GMRES the
 * others. Reverse mode records one operation whatever the iteration count, so its memory does not grow with it.
 *
 * <p>Conventions: x0 is a starting point and is not differentiated (x* does not depend on it); every tensor to
 * differentiate with respect to must be passed as θ, not captured by F; solvers run on concrete values. A solver
 * that stops short (iteration limit, NaN, singular ∂ₓF) throws {@link ConvergenceException} naming the function,
 * the iteration and the residual. Under {@code AD.vmap} over θ a solver that reads values fails with vmap's own
 * message; jacfwd, jacrev and hessian (which batch only tangents) solve their systems densely.
 *
 * <pre>{@code
 * // ridge regression: x*(λ) = argmin ½‖Ax − y‖² + ½λ‖x‖², and d/dλ of a validation loss through it
 * BiFunction<Tensor, Tensor, Tensor> energy = (x, lam) -> A.matmul(x).sub(y).square().sum().mul(0.5)
 *         .add(lam.mul(x.square().sum()).mul(0.5));
 * Tensor g = AD.grad(lam -> Ops.mse(B.matmul(Implicit.argmin(energy, x0, lam)), z)).apply(Tensor.scalar(0.1));
 * }</pre>
 */
public final class Implicit {
    private Implicit() {}

    /** A function of x and several parameter tensors θ = (θ₁, …, θ_k). */
    @FunctionalInterface
    public interface Parametric {
        Tensor apply(Tensor x, Tensor[] theta);
    }

    // ------------------------------------------------------------------ root

    /**
     * x* with F(x*, θ) = 0, where {@code solve.apply(x0, θ)} returns x* (any algorithm, run on concrete values, not
     * differentiated). F maps x to a value of x's shape. The solution is checked: ‖F(x*, θ)‖ ≤ 1e-8·max(1,
     * ‖F(x0, θ)‖) (see {@link Options#residualCheck}). Derivatives solve with ∂ₓF by GMRES.
     */
    public static Tensor root(BiFunction<Tensor, Tensor, Tensor> f, BiFunction<Tensor, Tensor, Tensor> solve,
                              Tensor x0, Tensor theta) {
        return root(f, solve, x0, theta, Options.DEFAULT);
    }

    /** {@link #root(BiFunction, BiFunction, Tensor, Tensor)} with options. */
    public static Tensor root(BiFunction<Tensor, Tensor, Tensor> f, BiFunction<Tensor, Tensor, Tensor> solve,
                              Tensor x0, Tensor theta, Options o) {
        return root((x, th) -> f.apply(x, th[0]), (x, th) -> solve.apply(x, th[0]), x0, new Tensor[] {theta}, false, o);
    }

    /**
     * The root with several parameter tensors; {@code symmetric} declares ∂ₓF symmetric (F a gradient), so that the
     * derivative systems are solved by CG.
     */
    public static Tensor root(Parametric f, Parametric solve, Tensor x0, Tensor[] theta, boolean symmetric, Options o) {
        return Roots.root(f::apply, solve::apply, x0, theta, symmetric, o, "Implicit.root");
    }

    // ------------------------------------------------------------------ fixed point

    /**
     * x* = T(x*, θ), iterated x_{k+1} = T(x_k, θ) from x0 until the relative step ‖x_{k+1} − x_k‖ ≤
     * 1e-12·max(1, ‖x_{k+1}‖). The derivative solves with I − ∂ₓT by GMRES (T need not be symmetric).
     */
    public static Tensor fixedPoint(BiFunction<Tensor, Tensor, Tensor> t, Tensor x0, Tensor theta) {
        return fixedPoint(t, x0, theta, Options.DEFAULT);
    }

    /** {@link #fixedPoint(BiFunction, Tensor, Tensor)} with options. */
    public static Tensor fixedPoint(BiFunction<Tensor, Tensor, Tensor> t, Tensor x0, Tensor theta, Options o) {
        return fixedPoint((x, th) -> t.apply(x, th[0]), x0, new Tensor[] {theta}, o);
    }

    /** The fixed point with several parameter tensors. */
    public static Tensor fixedPoint(Parametric t, Tensor x0, Tensor[] theta, Options o) {
        String who = "Implicit.fixedPoint";
        return Roots.root((x, th) -> t.apply(x, th).sub(x), (x, th) -> Solvers.iterate(t::apply, x, th, o, who),
                x0, theta, false, o, who);
    }

    // ------------------------------------------------------------------ argmin

    /**
     * x* = argmin_x E(x, θ) for a scalar E, by Newton–CG with exact Hessian-vector products and a backtracking line
     * search, converged to ‖∇ₓE‖ ≤ 1e-12·max(1, ‖∇ₓE(x0, θ)‖). The derivative solves with ∇²ₓE by CG: x* must be
     * a non-degenerate minimiser (∇²ₓE positive definite).
     */
    public static Tensor argmin(BiFunction<Tensor, Tensor, Tensor> energy, Tensor x0, Tensor theta) {
        return argmin(energy, x0, theta, Options.DEFAULT);
    }

    /** {@link #argmin(BiFunction, Tensor, Tensor)} with options. */
    public static Tensor argmin(BiFunction<Tensor, Tensor, Tensor> energy, Tensor x0, Tensor theta, Options o) {
        return argmin((x, th) -> energy.apply(x, th[0]), x0, new Tensor[] {theta}, o);
    }

    /** The minimiser with several parameter tensors. */
    public static Tensor argmin(Parametric energy, Tensor x0, Tensor[] theta, Options o) {
        String who = "Implicit.argmin";
        BiFunction<Tensor, Tensor[], Tensor> gradient = (x, th) -> AD.grad((Tensor z) -> energy.apply(z, th)).apply(x);
        return Roots.root(gradient, (x, th) -> Solvers.newtonCg(z -> energy.apply(z, th), x, o, who), x0, theta,
                true, o.withResidualCheck(Double.POSITIVE_INFINITY), who); // Newton–CG checked ‖∇ₓE‖ itself
    }

    // ------------------------------------------------------------------ linear systems

    /**
     * x with A(θ)x = b, A given as a product {@code matvec.apply(v, θ)} = A(θ)v (linear in v, of v's shape): CG when
     * {@code symmetric}, GMRES otherwise, to ‖b − Ax‖ ≤ 1e-12·‖b‖. Differentiable in b and θ: forward mode solves
     * once more with A, reverse mode once with Aᵀ (its products are VJPs of the matvec), to any order.
     */
    public static Tensor linearSolve(BiFunction<Tensor, Tensor, Tensor> matvec, Tensor b, Tensor theta,
                                     boolean symmetric) {
        return linearSolve(matvec, b, theta, symmetric, Options.DEFAULT);
    }

    /** {@link #linearSolve(BiFunction, Tensor, Tensor, boolean)} with options (tolerance, method, limits). */
    public static Tensor linearSolve(BiFunction<Tensor, Tensor, Tensor> matvec, Tensor b, Tensor theta,
                                     boolean symmetric, Options o) {
        return linearSolve((v, th) -> matvec.apply(v, th[0]), b, new Tensor[] {theta}, symmetric, o);
    }

    /** The linear solve with several parameter tensors. */
    public static Tensor linearSolve(Parametric matvec, Tensor b, Tensor[] theta, boolean symmetric, Options o) {
        return LinearSolves.solve(LinearMap.of(matvec::apply, symmetric), b, theta.clone(), o, "Implicit.linearSolve");
    }
}
