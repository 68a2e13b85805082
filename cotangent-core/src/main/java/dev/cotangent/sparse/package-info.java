/**
 * Derivative matrices with structure: sparse Jacobians and Hessians by graph colouring, the cheapest
 * multiplication order for a chain of Jacobians ({@link dev.cotangent.sparse.Chain},
 * {@link dev.cotangent.sparse.ChainPlan}), and stochastic estimators of a Hessian's trace and diagonal from
 * Hessian-vector products ({@link dev.cotangent.sparse.Hutchinson}: Hutchinson, Hutch++, the diagonal).
 *
 * <p>Sparse Jacobians in three steps. {@link dev.cotangent.sparse.Sparsity} detects the pattern from a staged
 * graph (per-element dependency sets carried through every primitive; the Hessian's from the staged gradient);
 * {@link dev.cotangent.sparse.Coloring} colours it greedily (columns for forward mode, rows for reverse mode, a
 * star colouring for symmetric Hessians, in an {@link dev.cotangent.sparse.Ordering}); and
 * {@link dev.cotangent.sparse.SparseJacobian} / {@link dev.cotangent.sparse.SparseHessian} make one batched
 * product (vmap of JVP, VJP or HVP over the colours' seed vectors) and read each entry off it into a
 * {@link dev.cotangent.SparseMatrix}. Users call {@code AD.sparseJacobian} and {@code AD.sparseHessian}; a
 * given pattern, another ordering or a mode go in {@link dev.cotangent.sparse.SparseOptions}. Start with
 * {@code SparseJacobian}.
 *
 * <p>Layer: transform (it stages, and calls {@code dev.cotangent.transform}'s Jvp, Vjp and Vmap); below the facade
 * {@code AD}. Exported to the other modules.
 */
package dev.cotangent.sparse;
