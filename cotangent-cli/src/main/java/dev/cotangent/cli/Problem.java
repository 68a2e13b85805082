package dev.cotangent.cli;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.cli.expr.Expression;
import dev.cotangent.cli.expr.Instruction;
import dev.cotangent.cli.expr.ParseException;
import dev.cotangent.cli.expr.Parser;
import dev.cotangent.graph.Numbers;
import dev.cotangent.NonFiniteException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command works on: the parsed expressions and the point. Construction checks everything that can be
 * checked before differentiating: the syntax, that every variable has a value, and that every operation is
 * finite at the point (a value outside a function's domain is named, with a caret under it).
 */
final class Problem {
    final String source;
    final List<Expression> expressions;
    final Point point;

    /** The expression of a command that takes exactly one; several separated by ';' point to jacobian. */
    Expression single(String command) {
        if (expressions.size() != 1) {
            throw new CliException(command + " takes one expression, got " + expressions.size()
                    + " separated by ';'; for the Jacobian of several, use: cotangent jacobian");
        }
        return expressions.get(0);
    }

    private Problem(String source, List<Expression> expressions, Point point) {
        this.source = source;
        this.expressions = expressions;
        this.point = point;
    }

    /** Parses and checks; {@code expr} "-" reads the expression from standard input. */
    static Problem of(String expr, List<String> at, InputStream stdin) {
        String source = expr.equals("-") ? read(stdin) : expr;
        List<Expression> exprs;
        try {
            exprs = Parser.parseAll(source);
        } catch (ParseException e) {
            throw new CliException("parse error: " + e.display(), e.position() + 1);
        }
        Point point = Point.parse(at);
        Problem p = new Problem(source, exprs, point);
        for (Expression e : exprs) p.requireValues(e);
        for (Expression e : exprs) p.requireFinite(e);
        return p;
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new CliException("cannot read the expression from standard input: " + e.getMessage());
        }
    }

    /** The concrete variables, by name, in the order of --at. */
    Map<String, Tensor> env() {
        Map<String, Tensor> env = new LinkedHashMap<>();
        for (int i = 0; i < point.names().size(); i++) env.put(point.names().get(i), Tensor.scalar(point.values()[i]));
        return env;
    }

    private void requireValues(Expression e) {
        for (Instruction i : e.code()) {
            if (i.kind() == Instruction.Kind.VARIABLE && !point.names().contains(i.name())) {
                String example = point.names().isEmpty() ? i.name() + "=1"
                        : String.join(",", point.names().stream().map(n -> n + "=" + Numbers.brief(point.asMap().get(n)))
                                .toList()) + "," + i.name() + "=1";
                throw new CliException("variable " + i.name() + " has no value; give one with --at, e.g. --at "
                        + example + "\n" + caret(i), i.start() + 1);
            }
        }
    }

    private void requireFinite(Expression e) {
        Instruction[] current = new Instruction[1];
        Tensor[][] operands = new Tensor[1][];
        Map<String, Tensor> env = env();
        try {
            AD.detectAnomaly(() -> e.evaluate(env, (i, args) -> {
                current[0] = i;
                operands[0] = args;
            }));
        } catch (NonFiniteException ex) {
            Instruction i = current[0];
            double[] a = new double[operands[0].length];
            for (int k = 0; k < a.length; k++) a[k] = operands[0][k].item();
            double r = Expression.apply(i, operands[0]).item();
            String what = Double.isNaN(r) ? "NaN (not a number)" : r > 0 ? "+inf" : "-inf";
            throw new CliException(e.text(i) + " is " + what + " at " + point.describe() + ": "
                    + DomainMessages.why(i, a, r) + "\n" + caret(i), i.start() + 1);
        }
    }

    /** The source with carets under the instruction's text (a window of it, if long). */
    String caret(Instruction i) {
        return new ParseException("", source, i.start(), i.end() - i.start()).display().lines().skip(1)
                .reduce((x, y) -> x + "\n" + y).orElse("");
    }
}
