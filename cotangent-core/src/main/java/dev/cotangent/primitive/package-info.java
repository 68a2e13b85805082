/**
 * The closed set of differentiable operations every trace understands, one file each: the implementation on
 * {@link dev.cotangent.tensor.NDArray}s, the shape rule, and the JVP, VJP and batching rules side by side,
 * the rules written with {@link dev.cotangent.Ops} (never with kernels) so that outer transforms see them and
 * higher derivatives come free. A primitive knows nothing of which trace runs it; {@code Ops} binds it through
 * {@code dev.cotangent.trace.Bind}. Start with {@link dev.cotangent.primitive.Sin}, the smallest complete
 * primitive, then {@link dev.cotangent.primitive.SinCos}, a primitive with two results.
 *
 * <h2>Adding a primitive</h2>
 * <ol>
 *   <li>Implement {@link dev.cotangent.primitive.Primitive} (several results: {@code shapes}, {@code applyAll},
 *       {@code jvpAll}, {@code vjpAll}, {@code batchAll}) or, for one result, the simpler
 *       {@link dev.cotangent.primitive.OneResult} ({@code shape}, {@code apply}, {@code jvp}, {@code vjp},
 *       {@code batch}); the compiler asks for every rule.</li>
 *   <li>Extend {@link dev.cotangent.primitive.Named} for equality and printing from the name and
 *       {@code params()} (graph passes merge equal nodes), directly or through a base class that writes most of
 *       the rules for you: {@link dev.cotangent.primitive.Unary} (give the kernel function and f'),
 *       {@link dev.cotangent.primitive.Binary} (the two partial derivatives, broadcasting handled) or
 *       {@link dev.cotangent.primitive.Reduction} (the weight ∂y/∂x).</li>
 *   <li>Pick the traits that supply whole rules: {@link dev.cotangent.primitive.Elementwise} (broadcast shape,
 *       batching), {@link dev.cotangent.primitive.Linear} (the JVP is the primitive itself; write the transpose),
 *       {@link dev.cotangent.primitive.Bilinear} (the product rule), {@link dev.cotangent.primitive.ZeroDerivative}
 *       (piecewise constant: symbolic zero derivatives), and for an elementwise function of one or two operands
 *       {@link dev.cotangent.primitive.ScalarRule} (its value and partials on doubles, which let reverse mode keep
 *       0-d calls on its compact scalar tape; {@code ScalarRuleTest} checks them against the rules).</li>
 *   <li>Declare what the VJP rule reads, {@code vjpReadsOperands()} and {@code vjpReadsResult()}: reverse mode
 *       keeps only that on the tape, and a rule that reads what it did not declare fails with a message saying
 *       so. For the graph passes, declare {@code commutative()} and {@code identity(operand)} (the neutral
 *       element, if one holds for every value).</li>
 *   <li>Add its cases to {@link dev.cotangent.primitive.Registry}: the parameterisations worth testing and how to
 *       draw valid random operands. The exhaustive rule test runs every case through finite differences, the
 *       dot-product test, second order and batching, and fails for a primitive class without a case.</li>
 * </ol>
 * Helpers shared by rules are in {@link dev.cotangent.primitive.Rules} and
 * {@link dev.cotangent.primitive.Batching}. Layer: above {@code dev.cotangent.kernel} and
 * {@code dev.cotangent.tensor}, beside {@code Tensor} and {@code Ops}; below the traces.
 */
package dev.cotangent.primitive;
