package dev.cotangent.ode;

/**
 * An integration that could not go on: the step size underflowed (a stiff or singular problem), the state or its
 * derivative became NaN or infinite, or the step budget ran out. It names the time reached and the step size there.
 */
public final class OdeException extends ArithmeticException {
    private final double time;
    private final double stepSize;

    OdeException(String message, double time, double stepSize) {
        super(message);
        this.time = time;
        this.stepSize = stepSize;
    }

    /** The time the integration had reached (in the original time of the problem, also for the adjoint). */
    public double time() {
        return time;
    }

    /** The step size being tried there. */
    public double stepSize() {
        return stepSize;
    }
}
