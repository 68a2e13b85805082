/**
 * The {@code cotangent} command (picocli): derivatives of formulas typed on the command line, explained as in
 * the lecture. A newcomer starts with {@link dev.cotangent.cli.Main} (the subcommands and exit codes), then
 * {@link dev.cotangent.cli.Problem} (the parsed expressions and the point, checked before differentiating) and
 * {@link dev.cotangent.cli.ExplainCommand} with its report {@link dev.cotangent.cli.Explanation} (the staged
 * graph's listing, tangent and adjoint tables, gradient and finite-difference check). {@code grad},
 * {@code hessian} and {@code jacobian} compute through {@link dev.cotangent.cli.Derivatives}; {@code demo} runs
 * cotangent-examples' demos; {@link dev.cotangent.cli.Json} writes {@code --json} output.
 *
 * <p>Direction: an application at the top; it uses cotangent-core's exported packages ({@code AD},
 * {@code Tensor}, the graph and its printers and passes) and cotangent-examples, and no library depends on it.
 * The expression language itself is in {@code dev.cotangent.cli.expr}.
 */
package dev.cotangent.cli;
