package dev.cotangent.gradbench;

/**
 * A message the tool cannot act on: a missing or ill-typed field, an input of the wrong shape, an unknown module
 * or function. The message names the field by its path in the message ({@code input.x[3]}); the server answers
 * {@code success: false} with it and keeps serving.
 */
public final class BadMessage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadMessage(String message) {
        super(message);
    }
}
