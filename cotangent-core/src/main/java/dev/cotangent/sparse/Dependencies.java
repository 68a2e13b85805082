package dev.cotangent.sparse;

import dev.cotangent.graph.Constant;
import dev.cotangent.graph.Graph;
import dev.cotangent.graph.Input;
import dev.cotangent.graph.Node;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * Which elements of the input each element of every variable of a staged graph depends on: the sets are carried
 * through the nodes in order, each primitive by its rule in {@link DependencyRules}, starting from {i} for input
 * element i and ∅ for constants. "Depends" means "may have a non-zero partial derivative": an op whose
 * derivative is zero everywhere (comparisons, sign, floor, argmax, stopGradient) gives ∅, and the result is a
 * superset of the Jacobian's non-zeros at every point (a value that happens to make a derivative 0 there is not
 * seen).
 */
final class Dependencies {
    private Dependencies() {}

    /** The ints the sets of one propagation may take (about 128 MiB); past it the pattern is taken as dense. */
    static final long BUDGET = 32L << 20;

    /**
     * For each element of the graph's single output, the sorted input elements it depends on; null when the sets
     * would be larger than {@link #BUDGET} (the caller then takes every entry).
     */
    static int[][] of(Graph g) {
        return of(g, BUDGET);
    }

    /** As {@link #of(Graph)}, with another budget of ints. */
    static int[][] of(Graph g, long budget) {
        if (g.inputs().size() != 1 || g.outputs().size() != 1) {
            throw new IllegalArgumentException("sparsity: the graph has " + g.inputs().size() + " inputs and "
                    + g.outputs().size() + " outputs; detection takes one of each");
        }
        Input x = g.inputs().get(0);
        Sets sets = new Sets(x.shape().size(), budget);
        int[][][] env = new int[g.maxId() + 1][][];
        Shape[] shapes = new Shape[env.length];
        NDArray[] constants = new NDArray[env.length];
        try {
            env[x.id()] = sets.singletons();
            shapes[x.id()] = x.shape();
            for (Constant c : g.constants()) {
                env[c.id()] = Sets.empties(c.value().size());
                shapes[c.id()] = c.shape();
                constants[c.id()] = c.value();
            }
            for (Node n : g.nodes()) {
                int a = n.parents().size();
                int[][][] in = new int[a][][];
                Shape[] inShapes = new Shape[a];
                NDArray[] inValues = new NDArray[a];
                for (int i = 0; i < a; i++) {
                    int p = n.parents().get(i);
                    in[i] = env[p];
                    inShapes[i] = shapes[p];
                    inValues[i] = constants[p];
                }
                Shape[] out = n.shapes().toArray(new Shape[0]);
                int[][][] r = DependencyRules.apply(n.primitive(), in, inShapes, inValues, out, sets);
                for (int k = 0; k < r.length; k++) {
                    env[n.ids().get(k)] = r[k];
                    shapes[n.ids().get(k)] = out[k];
                }
            }
            return env[g.outputs().get(0)];
        } catch (Sets.TooDense e) {
            return null;
        }
    }
}
