package dev.cotangent.cli.expr;

/**
 * A syntax error in an expression, at a position: {@link #getMessage()} says what is wrong, {@link #display()}
 * shows the expression with a caret under the place.
 */
public final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final int WINDOW = 60;
    private final String source;
    private final int position;
    private final int length;

    public ParseException(String message, String source, int position, int length) {
        super(message);
        this.source = source;
        this.position = Math.max(0, Math.min(position, source.length()));
        this.length = Math.max(1, length);
    }

    /** The 0-based offset of the error in the source. */
    public int position() {
        return position;
    }

    /** The message, then the expression (a window of it, if long) with carets under the offending text. */
    public String display() {
        int from = 0;
        int to = source.length();
        String pre = "";
        String post = "";
        if (source.length() > 2 * WINDOW) {
            from = Math.max(0, position - WINDOW);
            to = Math.min(source.length(), position + WINDOW);
            pre = from > 0 ? "…" : "";
            post = to < source.length() ? "…" : "";
        }
        String shown = source.substring(from, to).replace('\t', ' ').replace('\n', ' ');
        int caretAt = pre.length() + position - from;
        int carets = Math.max(1, Math.min(length, to - position));
        return getMessage() + " (column " + (position + 1) + ")\n  " + pre + shown + post + "\n  "
                + " ".repeat(caretAt) + "^".repeat(carets);
    }
}
