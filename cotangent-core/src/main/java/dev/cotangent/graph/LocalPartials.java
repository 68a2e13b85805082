package dev.cotangent.graph;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local partial derivatives [∂x_k/∂x_l] of every node of a scalar graph with respect to each of its parents
 * (the bracketed factors of the lecture's tables), as numbers at one point; a node with several results has a
 * row of partials for each. Each is computed exactly (not by
 * finite differences) with the primitive's own JVP rule on concrete values and a unit tangent on one parent at a
 * time; a parent used twice (x·x) gets the sum over its positions. Constants are not parents here: their
 * tangent is zero.
 */
public final class LocalPartials {
    private static final Tensor ONE = Tensor.scalar(1.0);
    private final List<Map<Integer, Double>> partials;

    private LocalPartials(List<Map<Integer, Double>> partials) {
        this.partials = partials;
    }

    /** The local partials of {@code g} at the point whose variable values are {@code values} (from Evaluator). */
    public static LocalPartials of(Graph g, NDArray[] values) {
        requireScalar(g);
        Var[] vars = g.byId();
        List<Map<Integer, Double>> out = new ArrayList<>(java.util.Collections.nCopies(vars.length, null));
        for (Node n : g.nodes()) {
            int k = n.parents().size();
            Tensor[] primals = new Tensor[k];
            for (int i = 0; i < k; i++) primals[i] = Tensor.from(values[n.parents().get(i)]);
            int r = n.results();
            Tensor[] ys = new Tensor[r];
            List<Map<Integer, Double>> rows = new ArrayList<>();
            for (int j = 0; j < r; j++) {
                ys[j] = Tensor.from(values[n.ids().get(j)]);
                rows.add(new LinkedHashMap<>());
            }
            for (int i = 0; i < k; i++) {
                int l = n.parents().get(i);
                if (vars[l] instanceof Constant || rows.get(0).containsKey(l)) continue;
                Tensor[] tangents = new Tensor[k];
                for (int j = 0; j < k; j++) if (n.parents().get(j) == l) tangents[j] = ONE;
                Tensor[] t = n.primitive().differentiable() ? n.primitive().jvpAll(primals, tangents, ys) : new Tensor[r];
                for (int j = 0; j < r; j++) rows.get(j).put(l, t[j] == null ? 0.0 : t[j].item());
            }
            for (int j = 0; j < r; j++) out.set(n.ids().get(j), rows.get(j));
        }
        return new LocalPartials(out);
    }

    /** [∂x_k/∂x_l] for each non-constant parent l of node k, in operand order. */
    public Map<Integer, Double> of(int k) {
        Map<Integer, Double> m = partials.get(k);
        return m == null ? Map.of() : m;
    }

    /** The children of each variable: the nodes that use it (each once), in topological order. */
    public static List<List<Integer>> children(Graph g) {
        List<List<Integer>> ch = new ArrayList<>(java.util.Collections.nCopies(g.maxId() + 1, null));
        for (Node n : g.nodes()) {
            for (int p : n.parents()) {
                if (ch.get(p) == null) ch.set(p, new ArrayList<>(2));
                List<Integer> c = ch.get(p);
                for (int id : n.ids()) if (!c.contains(id)) c.add(id);
            }
        }
        return ch;
    }

    static void requireScalar(Graph g) {
        for (Var v : g.byId()) {
            if (v != null && v.shape().rank() != 0 && !(v instanceof Constant && v.shape().size() == 1)) {
                throw new IllegalArgumentException("graph tables: variable " + v.id() + " has shape " + v.shape()
                        + "; the tangent and adjoint tables are for scalar programs (every variable 0-d)");
            }
        }
    }
}
