/**
 * Implicit differentiation: {@link dev.cotangent.implicit.Implicit} makes a root, a fixed point, a minimiser or
 * the solution of a linear system into a differentiable function of its parameters θ, with derivatives from the
 * implicit function theorem (one matrix-free linear solve each) instead of from the solver's iterations. Forward
 * mode, reverse mode and second order work; reverse mode's memory does not grow with the iteration count.
 *
 * <p>How it is built, on core's public API only: each function is a {@code customVjp} (the reverse rule) around a
 * {@code customJvp} (the forward rule), both rules written with ops — {@code Roots} for root, fixedPoint and argmin,
 * {@code LinearSolves} for the linear systems the rules solve (Krylov methods in {@code Krylov}; a dense inverse in
 * {@code Dense} when vmap batches a right-hand side). {@link dev.cotangent.implicit.Options} holds the tolerances,
 * and every solver that stops short throws {@link dev.cotangent.implicit.ConvergenceException}.
 */
package dev.cotangent.implicit;
