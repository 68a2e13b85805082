package dev.cotangent;

/**
 * How {@link Loop#scan} pays for reverse mode through a long loop: keep every state ({@link #all()}), keep every
 * k-th and recompute each segment once ({@link #every(int)}), or hold at most s states and recompute the fewest
 * steps that allows ({@link #binomial(int)}, Griewank's revolve). Immutable.
 */
public final class Checkpoints {
    /** The three schedules. */
    public enum Kind { ALL, EVERY, BINOMIAL }

    private final Kind kind;
    private final int parameter;

    private Checkpoints(Kind kind, int parameter) {
        this.kind = kind;
        this.parameter = parameter;
    }

    /** Keep every state: plain reverse mode (memory grows with the number of steps, nothing recomputed). */
    public static Checkpoints all() {
        return new Checkpoints(Kind.ALL, 0);
    }

    /**
     * Keep every k-th state and recompute each segment of k steps once in the backward sweep (its tape is alive
     * only while that segment is reversed): about K/k + k states' worth of memory for one extra forward pass.
     */
    public static Checkpoints every(int k) {
        if (k < 1) throw new IllegalArgumentException("Checkpoints.every: segments of " + k + " steps; give 1 or more");
        return new Checkpoints(Kind.EVERY, k);
    }

    /**
     * Hold at most {@code s} states at once (x₀ included) and recompute the fewest forward steps that allows:
     * Griewank's binomial schedule (revolve), t·K − β(s+1, t−1) recomputed steps for K steps, where
     * β(s, t) = C(s+t, s) and t is the smallest with β(s, t) ≥ K.
     */
    public static Checkpoints binomial(int s) {
        if (s < 1) throw new IllegalArgumentException("Checkpoints.binomial: " + s + " states; give 1 or more");
        return new Checkpoints(Kind.BINOMIAL, s);
    }

    /** Which schedule. */
    public Kind kind() {
        return kind;
    }

    /** k of {@link #every(int)}, s of {@link #binomial(int)}, 0 for {@link #all()}. */
    public int parameter() {
        return parameter;
    }

    /**
     * The forward steps this schedule evaluates in the backward sweep of {@code steps} steps, besides recording each
     * step once to reverse it (0 for all() and every(k), whose backward sweep records each step exactly once).
     */
    public long recomputedSteps(int steps) {
        return kind == Kind.BINOMIAL ? dev.cotangent.custom.Revolve.advances(steps, parameter) : 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoints c && c.kind == kind && c.parameter == parameter;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + parameter;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ALL -> "all()";
            case EVERY -> "every(" + parameter + ")";
            case BINOMIAL -> "binomial(" + parameter + ")";
        };
    }
}
