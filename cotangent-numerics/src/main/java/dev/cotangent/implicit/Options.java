package dev.cotangent.implicit;

/**
 * Tolerances and limits of the solvers behind {@link Implicit}. Immutable; start from {@link #DEFAULT} and change
 * what you need with the {@code with...} methods.
 *
 * @param tolerance           the nonlinear solver's target: fixedPoint stops when the relative step
 *                            ‖x_{k+1} − x_k‖ ≤ tolerance·max(1, ‖x_{k+1}‖); argmin when
 *                            ‖∇ₓE‖ ≤ tolerance·max(1, ‖∇ₓE(x0)‖). Default 1e-12.
 * @param maxIterations       the nonlinear solver's limit (fixed-point steps, Newton steps). Default 10,000.
 * @param linearTolerance     every linear solve (the derivatives, and linearSolve) stops when
 *                            ‖b − A x‖ ≤ linearTolerance·‖b‖. Default 1e-12.
 * @param maxLinearIterations the Krylov method's limit (products with A). Default 10,000.
 * @param linearMethod        the Krylov method; {@link Method#AUTO} (default) picks CG for a symmetric system and
 *                            GMRES otherwise
 * @param restart             GMRES's restart length (Krylov vectors kept). Default 100.
 * @param residualCheck       {@code root} checks the user's solution: ‖F(x*, θ)‖ ≤ residualCheck·max(1, ‖F(x0, θ)‖),
 *                            since the implicit function theorem gives the derivative at a root, not elsewhere.
 *                            Default 1e-8; {@code Double.POSITIVE_INFINITY} skips the check (to differentiate a
 *                            truncated solve on purpose).
 */
public record Options(double tolerance, int maxIterations, double linearTolerance, int maxLinearIterations,
                      Method linearMethod, int restart, double residualCheck) {

    /** The Krylov method for the linear systems. */
    public enum Method {
        /** CG when the system is symmetric, GMRES otherwise. */
        AUTO,
        /** Conjugate gradients: symmetric systems (positive definite, or indefinite without breakdown). */
        CG,
        /** Restarted GMRES with modified Gram–Schmidt (twice) and Givens rotations: any nonsingular system. */
        GMRES,
        /** BiCGSTAB: any nonsingular system, two products per iteration and no stored basis. */
        BICGSTAB
    }

    /** The defaults: 1e-12 tolerances, 10,000 iterations, AUTO, restart 100, residual check 1e-8. */
    public static final Options DEFAULT = new Options(1e-12, 10_000, 1e-12, 10_000, Method.AUTO, 100, 1e-8);

    public Options {
        if (!(tolerance > 0) || !(linearTolerance > 0)) {
            throw new IllegalArgumentException("Options: tolerances must be positive, got " + tolerance + " and "
                    + linearTolerance);
        }
        if (maxIterations < 1 || maxLinearIterations < 1 || restart < 1) {
            throw new IllegalArgumentException("Options: iteration limits and the restart length must be at least 1");
        }
        if (linearMethod == null) throw new IllegalArgumentException("Options: linearMethod is null; use AUTO");
        if (!(residualCheck > 0)) throw new IllegalArgumentException("Options: residualCheck must be positive");
    }

    public Options withTolerance(double t) {
        return new Options(t, maxIterations, linearTolerance, maxLinearIterations, linearMethod, restart, residualCheck);
    }

    public Options withMaxIterations(int n) {
        return new Options(tolerance, n, linearTolerance, maxLinearIterations, linearMethod, restart, residualCheck);
    }

    public Options withLinearTolerance(double t) {
        return new Options(tolerance, maxIterations, t, maxLinearIterations, linearMethod, restart, residualCheck);
    }

    public Options withMaxLinearIterations(int n) {
        return new Options(tolerance, maxIterations, linearTolerance, n, linearMethod, restart, residualCheck);
    }

    public Options withLinearMethod(Method m) {
        return new Options(tolerance, maxIterations, linearTolerance, maxLinearIterations, m, restart, residualCheck);
    }

    public Options withRestart(int m) {
        return new Options(tolerance, maxIterations, linearTolerance, maxLinearIterations, linearMethod, m, residualCheck);
    }

    public Options withResidualCheck(double c) {
        return new Options(tolerance, maxIterations, linearTolerance, maxLinearIterations, linearMethod, restart, c);
    }

    /** The method for a system that is (or is not) symmetric. */
    Method methodFor(boolean symmetric) {
        return linearMethod != Method.AUTO ? linearMethod : symmetric ? Method.CG : Method.GMRES;
    }
}
