package dev.cotangent;

/** Thrown in anomaly mode when an operation turns finite operands into NaN or an infinity. */
public final class NonFiniteException extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    private final String op;

    public NonFiniteException(String message, String op) {
        super(message);
        this.op = op;
    }

    /** The name of the primitive that produced the non-finite value. */
    public String op() {
        return op;
    }
}
