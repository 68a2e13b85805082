/**
 * Numbers only, no differentiation: {@link dev.cotangent.tensor.Shape} (dimensions, strides, axis checks, NumPy
 * broadcasting and reduced shapes, with messages that name the op and the shapes) and
 * {@link dev.cotangent.tensor.NDArray}, the immutable dense row-major array of doubles that concrete tensors hold
 * and primitives compute on, with {@link dev.cotangent.tensor.ArrayPrinter} (NumPy's printing) and
 * {@link dev.cotangent.tensor.BatchedMatmul} (matmul over batch axes through BLAS). A newcomer starts with
 * {@code Shape}, then {@code NDArray}.
 *
 * <p>Layer: the bottom of the AD world, above {@code dev.cotangent.kernel} only (its loops and BLAS do the
 * work); it knows nothing of tensors, primitives or traces. Exported: libraries and applications may use it.
 */
package dev.cotangent.tensor;
