package dev.cotangent.spark;

import dev.cotangent.Tensor;
import dev.cotangent.tree.Layout;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names and shapes of a parameter tree, in a form Spark can ship to the executors: the parameters travel as
 * the tree's flat {@code double[]} (its ravel, leaf after leaf in the map's order), and this turns such a vector
 * back into the tree and a gradient tree into a vector, through the tree package's {@link Layout}.
 */
final class ParamSpec implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String[] names;
    private final int[][] dims;
    private transient Layout layout;

    private ParamSpec(String[] names, int[][] dims) {
        this.names = names;
        this.dims = dims;
    }

    /** The spec of {@code params}, in its iteration order. */
    static ParamSpec of(Map<String, Tensor> params) {
        String[] n = params.keySet().toArray(new String[0]);
        int[][] d = new int[n.length][];
        for (int i = 0; i < n.length; i++) d[i] = params.get(n[i]).dims().dims();
        return new ParamSpec(n, d);
    }

    /** The length of the flat vector. */
    int size() {
        return layout().size();
    }

    /** The tree (an ordered map) whose leaves are copies of runs of {@code flat}. */
    Map<String, Tensor> tree(double[] flat) {
        return layout().fromDoubles(flat);
    }

    /** The values of {@code tree} (these names, in this order, of these shapes) as one vector. */
    double[] flat(Map<String, Tensor> tree) {
        return layout().toDoubles(tree);
    }

    private Layout layout() {
        if (layout == null) {
            Map<String, Tensor> zeros = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) zeros.put(names[i], Tensor.zeros(dims[i]));
            layout = Layout.of(zeros);
        }
        return layout;
    }
}
