package dev.cotangent.trace;

/**
 * Thrown when a function being staged reads the value of a staged tensor (Java control flow on numbers): such a
 * function has no graph that holds for every input. Callers that can fall back to evaluating (the Jacobian's
 * mode choice, custom rules' graphs) catch this exception, and only this one.
 */
public final class ValueDependenceException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ValueDependenceException(String message) {
        super(message);
    }
}
