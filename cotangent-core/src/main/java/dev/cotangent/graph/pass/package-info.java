/**
 * Pure rewrites of a {@code dev.cotangent.graph.Graph} into an equivalent one (same inputs, outputs equal bit
 * for bit): {@link dev.cotangent.graph.pass.DeadCode}, {@link dev.cotangent.graph.pass.CommonSubexpressions}
 * (reads the primitives' equality and {@code commutative()}), {@link dev.cotangent.graph.pass.ConstantFolding}
 * (reads {@code identity(operand)}), and a {@link dev.cotangent.graph.pass.Pipeline} that repeats them until
 * nothing changes. A newcomer starts with {@link dev.cotangent.graph.pass.Pass}, then {@code DeadCode}, the
 * shortest. A new pass implements {@code Pass} and must keep values bit for bit.
 *
 * <p>Layer: the graph layer, on the IR and the primitives only; no trace, no transform. Exported: libraries and
 * applications may use it.
 */
package dev.cotangent.graph.pass;
