package dev.cotangent.sparse;

/**
 * How {@code AD.sparseJacobian} and {@code AD.sparseHessian} compress: the pattern (detected from the staged
 * graph when not given), the greedy {@link Ordering} (by default each of them, keeping the fewest colours), and
 * the {@link Mode}. Immutable; each method returns a
 * changed copy: {@code SparseOptions.defaults().pattern(p).mode(Mode.FORWARD)}.
 */
public final class SparseOptions {
    /** Which products compress the matrix. */
    public enum Mode {
        /**
         * The fewest products: for a Jacobian, column colouring (JVPs) or row colouring (VJPs), whichever has
         * fewer colours (columns on a tie: a JVP is cheaper than a VJP); for a Hessian, star colouring when it
         * has fewer colours than column colouring, column colouring otherwise.
         */
        AUTO,
        /** Column colouring: one JVP (Hessian: one HVP) per colour; every entry read from its own column. */
        FORWARD,
        /** Row colouring: one VJP per colour (Jacobians only). */
        REVERSE,
        /** Star colouring of the symmetric pattern (Hessians only): an entry may be read from its mirror. */
        STAR
    }

    private static final SparseOptions DEFAULTS = new SparseOptions(null, null, Mode.AUTO);

    private final Pattern pattern;
    private final Ordering ordering;
    private final Mode mode;

    /** The colouring {@code make} gives in the chosen ordering, or the one with fewest colours over all of them. */
    Coloring color(java.util.function.Function<Ordering, Coloring> make) {
        if (ordering != null) return make.apply(ordering);
        Coloring best = null;
        for (Ordering o : Ordering.values()) {
            Coloring c = make.apply(o);
            if (best == null || c.count() < best.count()) best = c;
        }
        return best;
    }

    private SparseOptions(Pattern pattern, Ordering ordering, Mode mode) {
        this.pattern = pattern;
        this.ordering = ordering;
        this.mode = mode;
    }

    /** Detected pattern, the best of every ordering, automatic mode. */
    public static SparseOptions defaults() {
        return DEFAULTS;
    }

    /** These options with a pattern given by the user (not detected); it must cover every non-zero. */
    public SparseOptions pattern(Pattern p) {
        return new SparseOptions(java.util.Objects.requireNonNull(p, "pattern"), ordering, mode);
    }

    /** These options with another greedy ordering. */
    public SparseOptions ordering(Ordering o) {
        return new SparseOptions(pattern, java.util.Objects.requireNonNull(o, "ordering"), mode);
    }

    /** These options with another mode. */
    public SparseOptions mode(Mode m) {
        return new SparseOptions(pattern, ordering, java.util.Objects.requireNonNull(m, "mode"));
    }

    /** The user's pattern, or null to detect it. */
    public Pattern pattern() {
        return pattern;
    }

    /** The greedy ordering, or null: colour in every ordering and keep the fewest colours (ties: the first). */
    public Ordering ordering() {
        return ordering;
    }

    /** The mode. */
    public Mode mode() {
        return mode;
    }

    @Override
    public String toString() {
        return "SparseOptions[" + (pattern == null ? "detected pattern" : pattern) + ", " + (ordering == null ? "best ordering" : ordering) + ", " + mode + "]";
    }
}
