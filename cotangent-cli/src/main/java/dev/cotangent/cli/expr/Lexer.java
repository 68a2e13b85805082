package dev.cotangent.cli.expr;

/** Splits an expression into tokens: numbers, names, operators, parentheses, commas and semicolons. */
final class Lexer {
    enum Kind { NUMBER, IDENT, OP, LPAREN, RPAREN, COMMA, SEMI, END }

    /** A token and where it is: {@code [start, end)} in the source. */
    record Token(Kind kind, String text, double number, int start, int end) {
        char op() {
            return text.charAt(0);
        }
    }

    private final String src;
    private int pos;
    private Token peeked;

    Lexer(String src) {
        this.src = src;
    }

    /** The next token without consuming it. */
    Token peek() throws ParseException {
        if (peeked == null) peeked = scan();
        return peeked;
    }

    Token next() throws ParseException {
        Token t = peek();
        peeked = null;
        return t;
    }

    private Token scan() throws ParseException {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
        int s = pos;
        if (pos >= src.length()) return new Token(Kind.END, "end of the expression", 0, s, s);
        char c = src.charAt(pos);
        if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
            return number(s);
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
            return new Token(Kind.IDENT, src.substring(s, pos), 0, s, pos);
        }
        pos++;
        switch (c) {
            case '+', '-', '/', '^':
                return new Token(Kind.OP, String.valueOf(c), 0, s, pos);
            case '*':
                if (pos < src.length() && src.charAt(pos) == '*') {
                    throw new ParseException("'**' is not an operator here; write powers with ^, as in x^2", src, s, 2);
                }
                return new Token(Kind.OP, "*", 0, s, pos);
            case '(':
                return new Token(Kind.LPAREN, "(", 0, s, pos);
            case ')':
                return new Token(Kind.RPAREN, ")", 0, s, pos);
            case ',':
                return new Token(Kind.COMMA, ",", 0, s, pos);
            case ';':
                return new Token(Kind.SEMI, ";", 0, s, pos);
            case '.':
                throw new ParseException("a number needs a digit after '.', as in .5", src, s, 1);
            default:
                throw new ParseException("unexpected character '" + c + "'; expressions use numbers, names, "
                        + "+ - * / ^, parentheses, ',' and ';'", src, s, 1);
        }
    }

    /** digits [. digits] [e|E [+|-] digits], or . digits [exponent]. */
    private Token number(int s) throws ParseException {
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
        if (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) pos++;
            if (pos >= src.length() || !Character.isDigit(src.charAt(pos))) {
                throw new ParseException("malformed number '" + src.substring(s, pos) + "': the exponent needs digits, "
                        + "as in 1e-3", src, s, pos - s);
            }
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
        }
        if (pos < src.length() && src.charAt(pos) == '.') {
            throw new ParseException("malformed number: a second '.'", src, pos, 1);
        }
        String text = src.substring(s, pos);
        double v = Double.parseDouble(text);
        if (Double.isInfinite(v)) {
            throw new ParseException("the number " + text + " is too large for a double (max about 1.8e308)", src, s,
                    pos - s);
        }
        return new Token(Kind.NUMBER, text, v, s, pos);
    }
}
