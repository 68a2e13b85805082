/**
 * The interpreters that give a primitive call its meaning, and how they nest. Every operation is
 * {@link dev.cotangent.trace.Bind#bind} (one result) or {@link dev.cotangent.trace.Bind#bindAll} (every result):
 * it picks the argument with the highest level (a concrete tensor is level 0) and calls that trace's
 * {@link dev.cotangent.trace.Trace#process}; with no tracer among the arguments, {@link dev.cotangent.trace.Eval}
 * computes at once. A newcomer starts with {@code Bind}, then {@link dev.cotangent.trace.JvpTrace}, the
 * shortest trace (dual numbers), then {@link dev.cotangent.trace.ReverseTrace} (the tape and the backward sweep)
 * and {@link dev.cotangent.trace.BatchTrace} (vmap).
 *
 * <h2>Levels</h2>
 * A transform opens its trace with {@link dev.cotangent.trace.Scope#open} in a try-with-resources block: the new
 * trace gets the level one above the innermost open on this thread, and closing the scope marks the trace dead
 * and releases the level. A {@link dev.cotangent.trace.Tracer} carries its trace (so its level) and its primal,
 * the value one level down; a trace processes a primitive by binding it again on the primals, so outer levels
 * see the computation, and applies the primitive's rule with ops, so outer levels see the derivative too. That
 * is why transforms nest with no perturbation confusion. A tracer used after its trace closed is a leaked
 * tracer, and {@code bind} reports it (as it does a tracer used on another thread).
 *
 * <h2>The two tapes of reverse mode</h2>
 * A 0-d call of a {@link dev.cotangent.primitive.ScalarRule} primitive whose operands are concrete values (or this
 * level's tracers of concrete values) goes on a compact scalar tape of primitive arrays, its partials computed at
 * once; every other call is a general node whose VJP rule runs with ops in the sweep. An operand that is a tracer
 * of an enclosing transform always takes the general path, so higher order is unchanged;
 * {@link dev.cotangent.trace.ReverseTrace} says why the compact path is exact.
 *
 * <p>{@link dev.cotangent.trace.ShapeOnly} is a tensor with a shape and no numbers: what the tape keeps of a
 * value the VJP rule does not read, and the primal of a staged value. Reading a staged value throws
 * {@link dev.cotangent.trace.ValueDependenceException} (Java control flow on numbers cannot be staged); callers
 * that can fall back to evaluating catch that exception only.
 *
 * <p>Layer: above {@code dev.cotangent.primitive} and the ops ({@code Tracer} extends {@code Tensor}, and
 * {@code ReverseTrace} accumulates with {@code Ops}); the one upward edge into it is {@code Ops} calling
 * {@code Bind}. The staging trace lives in {@code dev.cotangent.graph}, which it builds; the transforms that
 * open these traces are in {@code dev.cotangent.transform}.
 */
package dev.cotangent.trace;
