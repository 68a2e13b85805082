package dev.cotangent.nn.optim;

/** A learning rate as a function of the step number t = 0, 1, 2, ... */
@FunctionalInterface
public interface Schedule {
    /** The rate at step {@code t}. */
    double at(int t);

    /** α at every step. */
    static Schedule constant(double alpha) {
        return t -> alpha;
    }

    /** α γ^t. */
    static Schedule exponential(double alpha, double gamma) {
        return t -> alpha * Math.pow(gamma, t);
    }

    /** α factor^⌊t / every⌋ (step decay). */
    static Schedule stepDecay(double alpha, double factor, int every) {
        return t -> alpha * Math.pow(factor, t / every);
    }

    /** α / (1 + decay t), the classic Robbins–Monro rate. */
    static Schedule inverseTime(double alpha, double decay) {
        return t -> alpha / (1.0 + decay * t);
    }

    /** Cosine annealing from α down to {@code floor} over {@code steps} steps, then {@code floor}. */
    static Schedule cosine(double alpha, int steps, double floor) {
        return t -> t >= steps ? floor : floor + 0.5 * (alpha - floor) * (1 + Math.cos(Math.PI * t / steps));
    }

    /** A linear ramp from 0 over {@code steps} steps, then this schedule (counted from the ramp's end). */
    default Schedule withWarmup(int steps) {
        return t -> t < steps ? at(0) * (t + 1) / steps : at(t - steps);
    }
}
