/**
 * General-purpose minimisers on Cotangent's public API, for any function of a vector or of a named parameter
 * tree: {@link dev.cotangent.optim.Lbfgs} with its {@link dev.cotangent.optim.LineSearch}es (strong Wolfe,
 * Armijo), {@link dev.cotangent.optim.Newton} (exact Hessian, Newton–CG, damped), and the solvers they use
 * (matrix-free {@link dev.cotangent.optim.ConjugateGradient}; dense solves are core's {@code Linalg}). An
 * {@link dev.cotangent.optim.Objective} gives a method values and gradients, exact by AD or estimated; a
 * newcomer starts with {@code new Lbfgs().minimize(Objective.autodiff(loss), params, 100, 1e-8)}.
 *
 * <p>Direction of dependencies: this module depends on cotangent-core only. The training optimisers (gradient
 * descent, momentum, Adam, schedules, the {@code Optimizer} interface for steps on parameter maps) and the
 * {@code Descent} loop stay in cotangent-nn, which depends on this module for {@code Objective}; nothing here
 * implements an nn interface. L-BFGS used to return nn's {@code Optimizer.Update}; it now returns its own
 * {@link dev.cotangent.optim.Lbfgs.Step}, and the tree-to-vector view the methods need is
 * {@link dev.cotangent.optim.Ravel} (nn's {@code Params.flatten} delegates to it).
 */
package dev.cotangent.optim;
