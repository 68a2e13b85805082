/**
 * JMH benchmarks of the numbers layer, each against a baseline that shows what it costs:
 * {@link dev.cotangent.bench.tensor.MatmulBench} ({@code NDArray.matmul} against OpenBLAS dgemm called
 * directly) and {@link dev.cotangent.bench.tensor.ElementwiseBench} ({@code NDArray} against a plain loop);
 * {@link dev.cotangent.bench.tensor.TensorReport} runs them and prints the tables of RESULTS-tensor.md, and
 * {@link dev.cotangent.bench.tensor.MatmulOverhead} is a diagnostic of where matmul's time goes. A newcomer
 * starts with {@code MatmulBench}.
 *
 * <p>Direction: an application; it may import {@code dev.cotangent.kernel}, which no other module outside core
 * may, because it measures the kernels and BLAS themselves. Never part of the test gate.
 */
package dev.cotangent.bench.tensor;
