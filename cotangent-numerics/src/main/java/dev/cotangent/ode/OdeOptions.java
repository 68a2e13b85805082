package dev.cotangent.ode;

import dev.cotangent.Checkpoints;

/**
 * How {@link Ode#solve} integrates and how it is differentiated: the method (fixed-step RK4 or adaptive
 * Dormand–Prince 5(4)), the gradient ({@link Gradient#DISCRETE}, the default, or {@link Gradient#ADJOINT}), the
 * checkpoint schedule of DISCRETE, the tolerances of the adjoint's backward integration and the step budget.
 * Immutable: every {@code with…} returns a copy.
 */
public final class OdeOptions {
    /** The integration method. */
    public enum Method { RK4, DOPRI5 }

    /** How reverse mode differentiates the solution. */
    public enum Gradient {
        /**
         * Differentiate the solver's own arithmetic (discretise, then differentiate): the exact gradient of the
         * computed solution, through {@link dev.cotangent.Loop#scan} with the options' {@link Checkpoints}.
         */
        DISCRETE,
        /**
         * The continuous adjoint (differentiate, then discretise): z' = −[∂ₓu]ᵀz and θ̄' = −[∂θu]ᵀz integrated
         * from t1 back to 0 with DOPRI5 and its own error control, re-integrating x backwards alongside: memory
         * independent of the number of steps; the gradient of the exact flow to within the adjoint tolerances. An
         * unstable backward flow is detected and reported ({@link #withAdjointCheckpoints} is the remedy).
         */
        ADJOINT
    }

    /** Hairer's default step budget (NMAX of DOPRI5): accepted plus rejected steps. */
    public static final int DEFAULT_MAX_STEPS = 100_000;

    private final Method method;
    private final int steps;
    private final double rtol;
    private final double atol;
    private final Gradient gradient;
    private final Checkpoints checkpoints;
    private final double adjointRtol;
    private final double adjointAtol;
    private final int maxSteps;
    private final int adjointCheckpoints;

    private OdeOptions(Method method, int steps, double rtol, double atol, Gradient gradient, Checkpoints checkpoints,
                       double adjointRtol, double adjointAtol, int maxSteps, int adjointCheckpoints) {
        this.method = method;
        this.steps = steps;
        this.rtol = rtol;
        this.atol = atol;
        this.gradient = gradient;
        this.checkpoints = checkpoints;
        this.adjointRtol = adjointRtol;
        this.adjointAtol = adjointAtol;
        this.maxSteps = maxSteps;
        this.adjointCheckpoints = adjointCheckpoints;
    }

    /**
     * The classical fourth-order Runge–Kutta method with {@code steps} equal steps over [0, t1] (with several
     * output times, the steps are shared among the intervals in proportion to their lengths, at least one each).
     * Its ADJOINT gradient integrates backwards with DOPRI5 at rtol 1e-6, atol 1e-9 unless
     * {@link #withAdjointTolerances} says otherwise.
     */
    public static OdeOptions rk4(int steps) {
        if (steps < 1) throw new IllegalArgumentException("rk4: " + steps + " steps; give 1 or more");
        return new OdeOptions(Method.RK4, steps, 0, 0, Gradient.DISCRETE, Checkpoints.all(), 1e-6, 1e-9,
                DEFAULT_MAX_STEPS, 0);
    }

    /**
     * Adaptive Dormand–Prince 5(4) with local extrapolation (the fifth-order solution is kept), the error norm
     * sqrt(mean((e_i / (atol + rtol·max(|x_i|, |x'_i|)))²)) and Hairer's step-size control (safety factor 0.9,
     * growth between 0.2 and 10, Lund stabilisation β = 0.04, his initial step selection). The adjoint's backward
     * integration uses the same tolerances unless {@link #withAdjointTolerances} says otherwise.
     */
    public static OdeOptions dopri5(double rtol, double atol) {
        checkTolerances("dopri5", rtol, atol);
        return new OdeOptions(Method.DOPRI5, 0, rtol, atol, Gradient.DISCRETE, Checkpoints.all(), rtol, atol,
                DEFAULT_MAX_STEPS, 0);
    }

    /** These options with reverse mode by {@code g}. */
    public OdeOptions withGradient(Gradient g) {
        if (g == null) throw new IllegalArgumentException("withGradient: give DISCRETE or ADJOINT, not null");
        return new OdeOptions(method, steps, rtol, atol, g, checkpoints, adjointRtol, adjointAtol, maxSteps,
                adjointCheckpoints);
    }

    /**
     * These options with DISCRETE reverse mode through the solver's steps under {@code schedule} (default
     * {@link Checkpoints#all()}: every step's values kept).
     */
    public OdeOptions withCheckpoints(Checkpoints schedule) {
        if (schedule == null) throw new IllegalArgumentException("withCheckpoints: give a schedule, not null");
        return new OdeOptions(method, steps, rtol, atol, gradient, schedule, adjointRtol, adjointAtol, maxSteps,
                adjointCheckpoints);
    }

    /** These options with the ADJOINT's backward DOPRI5 integration at these tolerances. */
    public OdeOptions withAdjointTolerances(double rtol, double atol) {
        checkTolerances("withAdjointTolerances", rtol, atol);
        return new OdeOptions(method, steps, this.rtol, this.atol, gradient, checkpoints, rtol, atol, maxSteps,
                adjointCheckpoints);
    }

    /** These options with at most {@code n} attempted adaptive steps per integration (default 100,000). */
    public OdeOptions withMaxSteps(int n) {
        if (n < 1) throw new IllegalArgumentException("withMaxSteps: " + n + "; give 1 or more");
        return new OdeOptions(method, steps, rtol, atol, gradient, checkpoints, adjointRtol, adjointAtol, n,
                adjointCheckpoints);
    }

    /**
     * These options with the ADJOINT's forward solve keeping x at m equally spaced times over [0, t_last] (besides
     * the output times), from which the backward sweep restarts its re-integration of x: memory of m states (not
     * of the steps), and a bound on the drift of x when the backward flow is unstable (a stiff or strongly
     * contracting system, which the sweep otherwise reports as an {@link OdeException}). Default 0: none.
     */
    public OdeOptions withAdjointCheckpoints(int m) {
        if (m < 0) throw new IllegalArgumentException("withAdjointCheckpoints: " + m + "; give 0 or more");
        return new OdeOptions(method, steps, rtol, atol, gradient, checkpoints, adjointRtol, adjointAtol, maxSteps, m);
    }

    public Method method() {
        return method;
    }

    /** RK4's number of steps (0 for DOPRI5). */
    public int steps() {
        return steps;
    }

    public double rtol() {
        return rtol;
    }

    public double atol() {
        return atol;
    }

    public Gradient gradient() {
        return gradient;
    }

    public Checkpoints checkpoints() {
        return checkpoints;
    }

    public double adjointRtol() {
        return adjointRtol;
    }

    public double adjointAtol() {
        return adjointAtol;
    }

    public int maxSteps() {
        return maxSteps;
    }

    /** The ADJOINT's stored states (0: none; see {@link #withAdjointCheckpoints}). */
    public int adjointCheckpoints() {
        return adjointCheckpoints;
    }

    @Override
    public String toString() {
        String m = method == Method.RK4 ? "rk4(" + steps + ")" : "dopri5(rtol=" + rtol + ", atol=" + atol + ")";
        return m + ", " + gradient + (gradient == Gradient.DISCRETE ? " " + checkpoints
                : " (adjoint rtol=" + adjointRtol + ", atol=" + adjointAtol
                + (adjointCheckpoints > 0 ? ", " + adjointCheckpoints + " checkpoints" : "") + ")");
    }

    private static void checkTolerances(String where, double rtol, double atol) {
        if (!(rtol >= 0) || !(atol >= 0) || !Double.isFinite(rtol) || !Double.isFinite(atol) || rtol + atol == 0) {
            throw new IllegalArgumentException(where + ": tolerances rtol=" + rtol + ", atol=" + atol
                    + "; give finite values ≥ 0, not both 0");
        }
    }
}
