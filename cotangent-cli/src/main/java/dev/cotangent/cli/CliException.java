package dev.cotangent.cli;

/** A user error: the command prints its message on stderr and exits with code 2. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The 1-based column of the expression the error points at, or 0 when it points at no place. */
    final int column;

    CliException(String message) {
        this(message, 0);
    }

    CliException(String message, int column) {
        super(message);
        this.column = column;
    }
}
