/**
 * The sparse-derivative report of issue 17: compressed against dense Jacobians and Hessians (time, memory
 * allocated, result size) on a banded Jacobian and a 2-D Laplacian-style Hessian of n = 10⁴
 * ({@link dev.cotangent.bench.sparse.SparseReport}), and on gradbench's bundle-adjustment Jacobian
 * ({@link dev.cotangent.bench.sparse.BaSparse}). Never part of the test gate.
 */
package dev.cotangent.bench.sparse;
