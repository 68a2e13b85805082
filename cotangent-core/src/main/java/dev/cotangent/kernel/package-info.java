/**
 * The loops: elementwise maps and broadcasting binary functions ({@link dev.cotangent.kernel.UnaryKernel},
 * {@link dev.cotangent.kernel.BinaryKernel}), reductions over axes ({@link dev.cotangent.kernel.ReduceKernel}),
 * scatters ({@link dev.cotangent.kernel.ScatterKernel}) over {@code double[]} with outputs given by the caller,
 * and the matrix product through OpenBLAS ({@link dev.cotangent.kernel.Blas}, with
 * {@link dev.cotangent.kernel.NativeMirror}'s off-heap copies, and
 * {@link dev.cotangent.kernel.BlasThreads}, which decides each call's threads from its size and the machine's load
 * as {@link dev.cotangent.kernel.CpuLoad} measures it); LAPACK's LU, Cholesky and triangular solves
 * ({@link dev.cotangent.kernel.Lapack}, {@link dev.cotangent.kernel.LuFactors}) and the adjugate
 * ({@link dev.cotangent.kernel.LapackAdjugate}). Each kernel says in its javadoc what it writes.
 * A newcomer starts with {@code UnaryKernel}.
 *
 * <p>Layer: the lowest of core; it imports nothing of Cotangent. {@code dev.cotangent.tensor} and the
 * primitives' implementations call it; derivative rules never do (they are written with ops). Not exported:
 * libraries and applications use {@code NDArray} and {@code dev.cotangent.Config} instead; only cotangent-bench,
 * which measures the kernels, imports it.
 */
package dev.cotangent.kernel;
