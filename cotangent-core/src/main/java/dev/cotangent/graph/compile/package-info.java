/**
 * The compiler behind {@code AD.jit}: a staged {@link dev.cotangent.graph.Graph} becomes a
 * {@link dev.cotangent.graph.compile.Program} of fused loops and calls with a buffer plan. A newcomer starts with
 * {@link dev.cotangent.graph.compile.GraphCompiler}, the pipeline.
 *
 * <ul>
 *   <li>Fusion: runs of elementwise nodes of one shape, with the full sums of their values, become one
 *       {@link dev.cotangent.graph.compile.Kernel} (producer–consumer fusion; operands of other shapes read
 *       through broadcasting strides); every other node (matmul to BLAS, reductions over some axes, reshapes,
 *       gathers, nested jitted functions) is a {@link dev.cotangent.graph.compile.Call} of its primitive.</li>
 *   <li>Buffer plan: arrays that only loops read share buffers by liveness, written in place where the reader
 *       dies.</li>
 *   <li>Execution: a fused-loop interpreter; a loop runs block by block over register blocks that stay in L1,
 *       and a one-element loop (a scalar program) runs as straight-line code over a flat register file.
 *       A {@link dev.cotangent.graph.compile.CompiledLoop} primitive (a scan, its reversal) runs its body's own
 *       compiled program in a loop; a body of one-element values runs on plain doubles through
 *       {@link dev.cotangent.graph.compile.ScalarProgram}.</li>
 * </ul>
 * Layer: graph (uses the graph IR, the primitives' kernels). Exported: the CLI shows compiled listings.
 */
package dev.cotangent.graph.compile;
