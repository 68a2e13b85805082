/**
 * Measurements of issue 11 (long loops): checkpoint schedules on M1b, leapfrog reversal, and the ODE solvers'
 * overhead and gradients. Start with {@link dev.cotangent.bench.loops.Loops}, the command that runs them. Never part
 * of the test gate; numbers go to docs/numerics.md and the README.
 *
 * <p>Direction: an application on core's public API, cotangent-numerics (the ODE solvers) and, for BLAS threads,
 * {@code dev.cotangent.kernel}, which cotangent-bench alone may import.
 */
package dev.cotangent.bench.loops;
