/**
 * Benchmarks and the accuracy check of the fast transcendental kernels (issue 13): {@link
 * dev.cotangent.bench.kernels.KernelBench} (JMH: each kernel against a {@code Math.*} loop on 10^6 doubles),
 * {@link dev.cotangent.bench.kernels.KernelPeers} (the same against PyTorch's, interleaved in one session) and
 * {@link dev.cotangent.bench.kernels.UlpCheck} (the largest distance from StrictMath over 10^8 random inputs per
 * function). The inputs of all three come from {@link dev.cotangent.bench.kernels.Inputs}. Results:
 * cotangent-bench/RESULTS-kernels.md. Never part of the test gate.
 */
package dev.cotangent.bench.kernels;
