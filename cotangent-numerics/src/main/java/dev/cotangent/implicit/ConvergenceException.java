package dev.cotangent.implicit;

/**
 * A solver stopped without a solution: an iteration limit reached, a NaN or infinity met, a linear system found
 * singular (a Krylov method broke down or stagnated), or a line search that found no decrease. It names the
 * function that failed, the iterations it ran and the residual it had reached, so that a caller never receives a
 * silently unconverged value or derivative.
 */
public final class ConvergenceException extends ArithmeticException {
    private final String function;
    private final int iterations;
    private final double residual;

    /**
     * @param function  what failed, e.g. {@code "Implicit.fixedPoint"} or {@code "Implicit.root: linear solve (GMRES)"}
     * @param iterations iterations run before stopping
     * @param residual  the residual reached (its definition is in {@code detail}); NaN if it could not be computed
     * @param detail    why it stopped, and what to try
     */
    public ConvergenceException(String function, int iterations, double residual, String detail) {
        super(function + ": no convergence after " + iterations + " iteration" + (iterations == 1 ? "" : "s")
                + " (residual " + String.format("%.3e", residual) + "): " + detail);
        this.function = function;
        this.iterations = iterations;
        this.residual = residual;
    }

    /** The function that failed. */
    public String function() {
        return function;
    }

    /** The iterations run. */
    public int iterations() {
        return iterations;
    }

    /** The residual reached when it stopped (NaN if it was not finite). */
    public double residual() {
        return residual;
    }
}
