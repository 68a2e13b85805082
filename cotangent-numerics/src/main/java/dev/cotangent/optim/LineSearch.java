package dev.cotangent.optim;

import java.util.function.DoubleFunction;

/**
 * A step length along a descent direction p: given φ(α) = f(x + αp), find α with enough decrease. The
 * result carries the gradient at the accepted point so the caller need not evaluate it again. A returned
 * point with α = 0 means no acceptable step was found.
 */
public interface LineSearch {
    /** φ at α: the value f(x + αp), the gradient there, and the slope φ'(α) = ∇f(x + αp)·p. */
    record Point(double alpha, double value, double[] grad, double slope) {}

    /** An acceptable point along the line, starting the search at {@code alpha0}; {@code start} is φ at 0. */
    Point search(DoubleFunction<Point> phi, Point start, double alpha0);

    /** Backtracking: α ← shrink·α until the Armijo condition φ(α) ≤ φ(0) + c₁ α φ'(0). */
    static LineSearch armijo(double c1, double shrink, int maxEvaluations) {
        return (phi, start, alpha0) -> {
            double a = alpha0;
            for (int i = 0; i < maxEvaluations; i++) {
                Point p = phi.apply(a);
                if (Double.isFinite(p.value()) && p.value() <= start.value() + c1 * a * start.slope()) return p;
                a *= shrink;
            }
            return start;
        };
    }

    /** The usual backtracking search: c₁ = 1e-4, halving, up to 50 evaluations. */
    static LineSearch armijo() {
        return armijo(1e-4, 0.5, 50);
    }

    /**
     * A search for the strong Wolfe conditions φ(α) ≤ φ(0) + c₁αφ'(0) and |φ'(α)| ≤ c₂|φ'(0)| (Nocedal &amp;
     * Wright, Algorithms 3.5 and 3.6, with safeguarded cubic interpolation in the zoom phase).
     */
    static LineSearch strongWolfe(double c1, double c2, int maxEvaluations) {
        return new StrongWolfe(c1, c2, maxEvaluations);
    }

    /** Strong Wolfe with c₁ = 1e-4, c₂ = 0.9 (the quasi-Newton choice), up to 30 evaluations. */
    static LineSearch strongWolfe() {
        return strongWolfe(1e-4, 0.9, 30);
    }
}
