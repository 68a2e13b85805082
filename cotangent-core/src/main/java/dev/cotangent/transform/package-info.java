/**
 * The transforms as interpreters, one entry per file: each opens its trace one level up with a
 * {@code dev.cotangent.trace.Scope}, runs the user's function on that trace's tracers and reads the answer off
 * them. {@link dev.cotangent.transform.Jvp} (forward mode), {@link dev.cotangent.transform.Vjp} (reverse mode, a
 * pullback that may be called many times), {@link dev.cotangent.transform.Vmap} (batching),
 * {@link dev.cotangent.transform.Stage} (a function as a {@code dev.cotangent.graph.Graph}) and
 * {@link dev.cotangent.transform.Jacobians} (jacfwd, jacrev, the mode chosen from the sizes, Hessian-vector
 * products), built from the others. A newcomer starts with {@code Jvp}, the shortest.
 *
 * <p>These take and return arrays of tensors and are the engine's entries, not the user's API: users call the
 * {@link dev.cotangent.AD} facade, which adds trees, names and single-tensor conveniences on top. Layer: above
 * {@code dev.cotangent.trace} and {@code dev.cotangent.graph} (whose staging trace {@code Stage} opens); below
 * {@code dev.cotangent.custom} and the facades. Library modules do not import this package.
 */
package dev.cotangent.transform;
