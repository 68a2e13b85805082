/**
 * Benchmarks of {@code AD.jit} (issue 12): the workloads S1, T1, M1 and H1 of WORKLOADS.md compiled, against
 * plain Java and the eager engine measured in the same run ({@link dev.cotangent.bench.compile.JitBench}).
 */
package dev.cotangent.bench.compile;
