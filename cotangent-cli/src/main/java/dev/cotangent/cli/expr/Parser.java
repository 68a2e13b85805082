package dev.cotangent.cli.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * The expression language: numbers ({@code 2}, {@code 2.5}, {@code .5}, {@code 1e-3}), the constants {@code pi}
 * and {@code e}, variables, {@code + - * / ^}, parentheses, the {@link Builtin} functions, and several
 * expressions separated by {@code ;}.
 *
 * <p>Precedence, loosest first: {@code + -} (left), {@code * /} (left), unary {@code - +}, {@code ^} (right).
 * So {@code ^} binds tighter than unary minus ({@code -x^2} is {@code -(x^2)}, {@code 2^-x} is {@code 2^(-x)})
 * and is right-associative ({@code 2^x^2} is {@code 2^(x^2)}).
 *
 * <p>The parser is Dijkstra's shunting-yard algorithm: one loop over the tokens with an explicit operator stack,
 * no recursion, so expressions of any length or nesting depth parse in linear time.
 */
public final class Parser {
    private static final int ADDITIVE = 1;
    private static final int MULTIPLICATIVE = 2;
    private static final int UNARY = 3;
    private static final int POWER = 4;

    private final String src;
    private final Lexer lexer;
    private Lexer.Token token;

    private Parser(String src) {
        this.src = src;
        this.lexer = new Lexer(src);
    }

    /** The expressions of {@code source}, separated by {@code ;} (at least one). */
    public static List<Expression> parseAll(String source) throws ParseException {
        Parser p = new Parser(source);
        List<Expression> out = new ArrayList<>();
        p.token = p.lexer.next();
        while (true) {
            out.add(p.expression());
            if (p.token.kind() == Lexer.Kind.END) return out;
            p.token = p.lexer.next(); // past ';'
        }
    }

    /** Exactly one expression. */
    public static Expression parse(String source) throws ParseException {
        List<Expression> all = parseAll(source);
        if (all.size() != 1) {
            int at = source.indexOf(';');
            throw new ParseException("expected one expression, found " + all.size() + " separated by ';'", source, at, 1);
        }
        return all.get(0);
    }

    /** An operator waiting on the stack: a binary or unary operator, an open parenthesis, or a function call. */
    private record Pending(char op, boolean unary, Builtin function, int position, int args) {
        boolean isParen() {
            return op == '(';
        }

        int precedence() {
            if (unary) return UNARY;
            return switch (op) {
                case '+', '-' -> ADDITIVE;
                case '*', '/' -> MULTIPLICATIVE;
                case '^' -> POWER;
                default -> 0;
            };
        }
    }

    /** One expression, up to ';' or the end; leaves {@link #token} on that ';' or end. */
    private Expression expression() throws ParseException {
        int exprStart = token.start();
        List<Instruction> code = new ArrayList<>();
        List<Pending> ops = new ArrayList<>();
        IntStack spans = new IntStack();
        boolean expectOperand = true;
        boolean justOpened = false;
        Lexer.Token previous = null;
        while (true) {
            Lexer.Token t = token;
            if (expectOperand) {
                switch (t.kind()) {
                    case NUMBER -> {
                        code.add(Instruction.number(t.number(), t.start(), t.end()));
                        spans.push(t.start(), t.end());
                        expectOperand = false;
                    }
                    case IDENT -> {
                        Lexer.Token next = lexer.peek();
                        if (next.kind() == Lexer.Kind.LPAREN) {
                            Builtin f = Builtin.named(t.text());
                            if (f == null) throw unknownFunction(t);
                            token = lexer.next(); // the '('
                            ops.add(new Pending('(', false, f, t.start(), 1));
                        } else {
                            operand(t, code, spans);
                            expectOperand = false;
                        }
                    }
                    case LPAREN -> ops.add(new Pending('(', false, null, t.start(), 0));
                    case OP -> {
                        if (t.op() != '-' && t.op() != '+') throw error("'" + t.op() + "' needs an operand on its left", t);
                        ops.add(new Pending(t.op(), true, null, t.start(), 0));
                    }
                    case RPAREN -> throw error(justOpened ? (isCall(ops) ? top(ops).function().name() + " needs "
                            + arguments(top(ops).function()) + ": " + top(ops).function().signature()
                            : "empty parentheses") : "expected an operand before ')'", t);
                    case COMMA -> throw error("expected an operand before ','", t);
                    case SEMI -> throw error(previous == null ? "empty expression before ';'"
                            : "expected an operand before ';'", t);
                    case END -> throw error(previous == null ? "empty expression"
                            : "the expression ends early: expected an operand after '" + previous.text() + "'", t);
                    default -> throw new AssertionError(t);
                }
            } else {
                switch (t.kind()) {
                    case OP -> {
                        char op = t.op();
                        int prec = new Pending(op, false, null, 0, 0).precedence();
                        boolean right = op == '^';
                        while (!ops.isEmpty() && !top(ops).isParen()) {
                            int tp = top(ops).precedence();
                            if (tp > prec || (tp == prec && !right)) emit(ops.remove(ops.size() - 1), code, spans);
                            else break;
                        }
                        ops.add(new Pending(op, false, null, t.start(), 0));
                        expectOperand = true;
                    }
                    case RPAREN -> {
                        popToParen(ops, code, spans);
                        if (ops.isEmpty()) throw error("unmatched ')': no '(' is open here", t);
                        Pending open = ops.remove(ops.size() - 1);
                        if (open.function() != null) {
                            Builtin f = open.function();
                            if (open.args() != f.arity()) {
                                throw new ParseException(f.name() + " takes " + arguments(f) + " (" + f.signature()
                                        + "), got " + open.args(), src, open.position(), f.name().length());
                            }
                            int s = open.position();
                            spans.drop(f.arity());
                            code.add(Instruction.call(f, s, t.end()));
                            spans.push(s, t.end());
                        } else {
                            spans.replaceTop(open.position(), t.end());
                        }
                    }
                    case COMMA -> {
                        popToParen(ops, code, spans);
                        if (ops.isEmpty() || top(ops).function() == null) {
                            throw error("',' outside the parentheses of a function call", t);
                        }
                        Pending call = ops.remove(ops.size() - 1);
                        if (call.args() >= call.function().arity()) {
                            throw error(call.function().name() + " takes " + arguments(call.function()) + " ("
                                    + call.function().signature() + ")", t);
                        }
                        ops.add(new Pending('(', false, call.function(), call.position(), call.args() + 1));
                        expectOperand = true;
                    }
                    case SEMI, END -> {
                        popToParen(ops, code, spans);
                        if (!ops.isEmpty()) {
                            Pending open = top(ops);
                            throw new ParseException("'(' is never closed: expected ')'", src, open.function() != null
                                    ? open.position() + open.function().name().length() : open.position(), 1);
                        }
                        return new Expression(src, exprStart, t.start(), code);
                    }
                    case NUMBER, IDENT, LPAREN -> throw error("expected an operator (+ - * / ^) before '" + t.text()
                            + "'" + (t.kind() != Lexer.Kind.LPAREN && previous != null
                            && previous.kind() == Lexer.Kind.NUMBER ? "; write a product with *, as in 2*x" : ""), t);
                    default -> throw new AssertionError(t);
                }
            }
            justOpened = expectOperand && (t.kind() == Lexer.Kind.LPAREN
                    || (t.kind() == Lexer.Kind.IDENT && token.kind() == Lexer.Kind.LPAREN));
            previous = t;
            token = lexer.next();
        }
    }

    private void operand(Lexer.Token t, List<Instruction> code, IntStack spans) throws ParseException {
        String name = t.text();
        if (name.equals("pi")) {
            code.add(Instruction.number(Math.PI, t.start(), t.end()));
        } else if (name.equals("e")) {
            code.add(Instruction.number(Math.E, t.start(), t.end()));
        } else if (Builtin.named(name) != null) {
            Builtin f = Builtin.named(name);
            throw error(name + " is a function: call it with parentheses, as in " + f.signature(), t);
        } else {
            code.add(Instruction.variable(name, t.start(), t.end()));
        }
        spans.push(t.start(), t.end());
    }

    private static boolean isCall(List<Pending> ops) {
        return !ops.isEmpty() && top(ops).function() != null;
    }

    private static String arguments(Builtin f) {
        return f.arity() == 1 ? "1 argument" : f.arity() + " arguments";
    }

    private static Pending top(List<Pending> ops) {
        return ops.get(ops.size() - 1);
    }

    private static void popToParen(List<Pending> ops, List<Instruction> code, IntStack spans) {
        while (!ops.isEmpty() && !top(ops).isParen()) emit(ops.remove(ops.size() - 1), code, spans);
    }

    private static void emit(Pending p, List<Instruction> code, IntStack spans) {
        if (p.unary()) {
            int end = spans.topEnd();
            spans.replaceTop(p.position(), end);
            if (p.op() == '-') code.add(Instruction.negate(p.position(), end));
            return;
        }
        int end = spans.topEnd();
        spans.drop(1);
        int start = spans.topStart();
        spans.replaceTop(start, end);
        code.add(Instruction.binary(p.op(), start, end));
    }

    private ParseException error(String message, Lexer.Token t) {
        return new ParseException(message, src, t.start(), Math.max(1, t.end() - t.start()));
    }

    private ParseException unknownFunction(Lexer.Token t) {
        List<String> near = Suggestions.nearest(t.text(), Builtin.names());
        return error("unknown function '" + t.text() + "'; did you mean " + Suggestions.orList(near) + "?", t);
    }

    /** A stack of (start, end) pairs: the source span of each operand computed so far. */
    private static final class IntStack {
        private int[] a = new int[32];
        private int n;

        void push(int start, int end) {
            if (n + 2 > a.length) a = java.util.Arrays.copyOf(a, a.length * 2);
            a[n++] = start;
            a[n++] = end;
        }

        void drop(int k) {
            n -= 2 * k;
        }

        int topStart() {
            return a[n - 2];
        }

        int topEnd() {
            return a[n - 1];
        }

        void replaceTop(int start, int end) {
            a[n - 2] = start;
            a[n - 1] = end;
        }
    }
}
