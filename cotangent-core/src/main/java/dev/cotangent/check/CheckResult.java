package dev.cotangent.check;

/**
 * The outcome of one gradient check: which quantity was compared with which reference, the discrepancy found,
 * and the discrepancy allowed. {@link #orThrow()} turns a failure into an {@link AssertionError}, so a check
 * reads as an assertion in any test framework.
 *
 * @param check   what was compared, e.g. {@code "jvp vs finite differences"}
 * @param passed  whether {@code error <= allowed}
 * @param error   the discrepancy: the largest absolute difference of the two results
 * @param allowed the tolerance it was held to, {@code atol + rtol·scale}
 * @param detail  the two results (abridged) and the tolerance, for the failure message
 */
public record CheckResult(String check, boolean passed, double error, double allowed, String detail) {

    /** Returns this result if it passed, else throws an {@link AssertionError} with its description. */
    public CheckResult orThrow() {
        if (!passed) throw new AssertionError(toString());
        return this;
    }

    /** The same result, its check named with {@code context} appended, e.g. the operand it concerns. */
    public CheckResult withContext(String context) {
        return new CheckResult(check + " [" + context + "]", passed, error, allowed, detail);
    }

    @Override
    public String toString() {
        return (passed ? "ok   " : "FAIL ") + check + ": error " + error + " (allowed " + allowed + ")"
                + (detail.isEmpty() ? "" : "; " + detail);
    }
}
