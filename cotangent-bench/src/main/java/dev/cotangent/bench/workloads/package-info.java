/**
 * The workloads of ../shared/bench/WORKLOADS.md, timed in one process and checked against their check values:
 * {@link dev.cotangent.bench.workloads.S1} (Rosenbrock gradient, scalar and vectorised),
 * {@link dev.cotangent.bench.workloads.T1} (one training step of an MLP; {@link dev.cotangent.bench.workloads.T1Train}
 * adds cotangent-nn's Adam), {@link dev.cotangent.bench.workloads.J1} (full Jacobians),
 * {@link dev.cotangent.bench.workloads.H1} (Hessian-vector products) and {@link dev.cotangent.bench.workloads.M1}
 * (reverse mode through a long recurrence, memory). A newcomer starts with
 * {@link dev.cotangent.bench.workloads.Workloads}, the command that runs them, and
 * {@link dev.cotangent.bench.workloads.Timer}, the timing rules (warm-up, medians, paired ratios).
 *
 * <p>Direction: an application on cotangent-core's public API and cotangent-nn (and
 * {@code dev.cotangent.kernel}, which cotangent-bench alone may import, for BLAS threads). Never part of the test
 * gate.
 */
package dev.cotangent.bench.workloads;
