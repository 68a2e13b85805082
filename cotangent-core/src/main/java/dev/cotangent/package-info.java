/**
 * The user's API of Cotangent: {@link dev.cotangent.Tensor}, the one handle users hold (a concrete array or a
 * tracer, which look the same); {@link dev.cotangent.Ops}, every differentiable operation, each a
 * {@code bind} of a primitive; and {@link dev.cotangent.AD}, the transforms (grad, jvp, vjp, vmap, jacobians,
 * hessian, stage, custom rules, checkpoint). A newcomer starts reading with {@code Tensor}, then {@code Ops},
 * then {@code AD}.
 *
 * <p>This package holds two layers. Everything but the facades is the "ops" layer, beside
 * {@code dev.cotangent.primitive} and {@code dev.cotangent.tree}: {@code Tensor}, {@code Ops}, the rule
 * interfaces users implement ({@link dev.cotangent.VjpRule}, {@link dev.cotangent.JvpRule}), the result types of
 * the transforms, {@link dev.cotangent.NonFiniteException} and {@link dev.cotangent.Config}. The facades
 * ({@code AD}, {@link dev.cotangent.Linalg} (matrix functions), and later {@code Loop}, {@code Checkpoints}) sit on top of core: short methods
 * over {@code dev.cotangent.transform} and {@code dev.cotangent.custom}, which nothing below them may call. One
 * circle is deliberate (the Autodidax design): {@code Ops} binds primitives through
 * {@code dev.cotangent.trace.Bind}, primitives write their rules with {@code Ops}, and tracers extend
 * {@code Tensor}. The architecture test in core's tests checks these directions.
 */
package dev.cotangent;
