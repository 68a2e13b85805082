/**
 * JMH benchmarks of {@code dev.cotangent.Linalg}: each factorization against the same LAPACKE call on raw buffers,
 * and each gradient against its forward pass. {@link dev.cotangent.bench.linalg.LuBench} covers the LU/Cholesky
 * family (solve, cholesky, log |det|).
 *
 * <p>Direction: an application; like {@code bench.tensor} it may call OpenBLAS directly, for the baselines. Never
 * part of the test gate.
 */
package dev.cotangent.bench.linalg;
