/**
 * The expression language of the command: {@link dev.cotangent.cli.expr.Lexer} and
 * {@link dev.cotangent.cli.expr.Parser} turn text such as {@code y*log(x) + sqrt(y*log(x))} into an
 * {@link dev.cotangent.cli.expr.Expression}, compiled to postfix {@link dev.cotangent.cli.expr.Instruction}s that
 * build Cotangent ops ({@link dev.cotangent.cli.expr.Builtin} maps each function name to its op), so evaluating
 * it under a transform differentiates or stages it like any Java code. Errors are
 * {@link dev.cotangent.cli.expr.ParseException}s with a caret under the place, and
 * {@link dev.cotangent.cli.expr.Suggestions} proposes the nearest known name. A newcomer starts with
 * {@code Parser}.
 *
 * <p>Direction: the bottom of cotangent-cli; it uses cotangent-core's public ops and nothing of the commands in
 * {@code dev.cotangent.cli}.
 */
package dev.cotangent.cli.expr;
