/**
 * Benchmarks of implicit differentiation and Sinkhorn (issue 10): {@link dev.cotangent.bench.implicit.SinkhornBench}
 * (time per log-domain iteration at n = m = 1000 against PyTorch, interleaved),
 * {@link dev.cotangent.bench.implicit.GradientBench} (unrolled vs implicit gradient: time and tape memory against
 * the iteration count; the implicit gradient against the forward solve) and
 * {@link dev.cotangent.bench.implicit.BilevelBench} (a hypergradient through argmin against one inner solve). Plain
 * mains on the public API, printing Markdown rows for docs/numerics.md; never part of the test gate.
 */
package dev.cotangent.bench.implicit;
