/**
 * User functions made into primitives, so that a derivative rule, or a memory trade, can be attached to a whole
 * function without touching the engine: {@link dev.cotangent.custom.CustomVjp} (the user's
 * {@link dev.cotangent.VjpRule} for reverse mode), {@link dev.cotangent.custom.CustomJvp} (the user's
 * {@link dev.cotangent.JvpRule}, transposed for reverse mode) and {@link dev.cotangent.custom.Checkpoint} (keep
 * the operands only and run the function again on the way back). A newcomer starts with
 * {@link dev.cotangent.custom.UserFunction}, their base: one {@code OneResult} primitive that evaluates by
 * calling the function, whose inside no trace records, and that carries the function's staged
 * {@code dev.cotangent.graph.Graph} (one per operand shapes) as a {@code dev.cotangent.graph.Composite}, so its
 * shape rule reads the graph and printers and passes can look inside it.
 *
 * <p>Layer: built on {@code dev.cotangent.transform} (the rules run jvp, vjp, vmap and stage) and
 * {@code dev.cotangent.graph}; never on the {@code AD} facade, which is above and calls in here. Later scan
 * loops and jit belong here too.
 */
package dev.cotangent.custom;
