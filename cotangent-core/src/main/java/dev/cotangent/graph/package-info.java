/**
 * The computational DAG as plain immutable data (the intermediate representation), the trace that records it,
 * the evaluator that runs it and the printers that show it as the lecture does. A newcomer starts with
 * {@link dev.cotangent.graph.Graph}, then {@link dev.cotangent.graph.StageTrace}, which builds one.
 *
 * <ul>
 *   <li>The IR: a {@link dev.cotangent.graph.Graph} holds {@link dev.cotangent.graph.Var}s, each an
 *       {@link dev.cotangent.graph.Input}, a {@link dev.cotangent.graph.Constant}, or a
 *       {@link dev.cotangent.graph.Node} {@code x_k = p(x_parents)} in topological order; a node of a primitive
 *       with several results stands for its first and has a {@link dev.cotangent.graph.Result} for each other.
 *       {@link dev.cotangent.graph.Composite} is the primitive of a user function that can show the graph
 *       inside it.</li>
 *   <li>Building: {@link dev.cotangent.graph.StageTrace} records each bind as a node (using the shape rules, no
 *       numbers); {@code dev.cotangent.transform.Stage} (behind {@code AD.stage}) opens it. Staging a gradient
 *       records the backward sweep: the gradient program as data.</li>
 *   <li>Running: {@link dev.cotangent.graph.Evaluator} binds each node's primitive in order, so a graph run is
 *       itself differentiable.</li>
 *   <li>Printing: {@link dev.cotangent.graph.Listing} (the evaluation trace), {@link dev.cotangent.graph.TangentTable}
 *       and {@link dev.cotangent.graph.AdjointTable} (forward and reverse mode as the lecture's tables, from
 *       {@link dev.cotangent.graph.LocalPartials}), {@link dev.cotangent.graph.Dot} and
 *       {@link dev.cotangent.graph.Svg} (pictures).</li>
 * </ul>
 * Rewrites are in {@code dev.cotangent.graph.pass}. Layer: above {@code dev.cotangent.trace} (the staging trace
 * extends {@code Trace}, the evaluator binds); below the transforms. Exported: libraries and applications may
 * use it.
 */
package dev.cotangent.graph;
