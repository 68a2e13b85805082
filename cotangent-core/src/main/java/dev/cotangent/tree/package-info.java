/**
 * Trees of tensors (JAX's pytrees): nested containers whose leaves are {@link dev.cotangent.Tensor}s, taken
 * apart into a list of leaves and a {@link dev.cotangent.tree.TreeDef}, mapped over, and raveled into one vector.
 *
 * <h2>What a tree is</h2>
 * <ul>
 *   <li>a {@code Tensor}: a leaf;</li>
 *   <li>an array of a reference type ({@code Tensor[]}, {@code Object[]}, {@code Dense[]}, ...): its elements in
 *       index order, rebuilt as an array of the same component type;</li>
 *   <li>a {@code List}: its elements in order, rebuilt as an unmodifiable List;</li>
 *   <li>a {@code Map<String, ?>}: its values in the map's iteration order, rebuilt as an unmodifiable map with
 *       the keys in that order. A {@code HashMap}'s (or {@code Map.of}'s) order is whatever it iterates in,
 *       which may change between runs; use a {@code LinkedHashMap} or a {@code TreeMap} when the order
 *       matters (for instance to ravel a tree twice the same way);</li>
 *   <li>a record: its components in declaration order, rebuilt with its canonical constructor; records nest;</li>
 *   <li>static data — {@code null}, a {@code String}, a boxed primitive (so a record's {@code int} component),
 *       an enum constant or a {@link dev.cotangent.tensor.Shape}: not a leaf; it is kept in the TreeDef (and
 *       takes part in its equality) and given back unchanged by unflatten.</li>
 * </ul>
 * Anything else (a Set, an NDArray, a {@code double[]}, a lambda, any other class) is an error whose message names
 * its path ({@code root.layers[2].w}), its class and what is supported; so is a cycle. A record component or an
 * array element must be declared with a type that can hold what unflatten rebuilds (a {@code List}, not an
 * {@code ArrayList}); flatten checks it, so unflatten cannot fail on it later.
 *
 * <h2>Where to start</h2>
 * {@link dev.cotangent.tree.Trees}: {@code flatten}, {@code leaves}, {@code structure}, {@code map},
 * {@code map2} and {@code ravel}/{@code toDoubles}. {@link dev.cotangent.tree.TreeDef#unflatten} puts leaves
 * back. {@link dev.cotangent.tree.Layout} turns a flat vector back into the tree, with ops (differentiable: a
 * transform of {@code v -> loss(layout.unravel(v))} differentiates through every leaf) or from a
 * {@code double[]} for optimisers and solvers.
 *
 * <pre>{@code
 * record Dense(Tensor w, Tensor b, String activation) {}
 * List<Dense> model = List.of(new Dense(w1, b1, "tanh"), new Dense(w2, b2, "none"));
 * Raveled r = Trees.ravel(model);                     // r.flat(): every weight in one vector
 * Tensor g = AD.grad((Tensor v) -> loss(r.<List<Dense>>unravel(v))).apply(r.flat());
 * List<Dense> step = r.layout().fromDoubles(...);     // back from an optimiser's double[]
 * }</pre>
 */
package dev.cotangent.tree;
