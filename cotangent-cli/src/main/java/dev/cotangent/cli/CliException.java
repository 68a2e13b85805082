package dev.cotangent.cli;

/** A user error: the command prints its message on stderr and exits with code 2. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }
}
