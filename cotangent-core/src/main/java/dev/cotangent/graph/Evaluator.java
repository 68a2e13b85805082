package dev.cotangent.graph;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.trace.Bind;

/**
 * Runs a graph on new inputs by binding each node's primitive in order, so running a graph is itself
 * differentiable: under {@code grad} or {@code jvp} the evaluator's binds are traced like any other ops.
 */
public final class Evaluator {
    private Evaluator() {}

    /** The outputs of {@code g} for these inputs (in the graph's input order). */
    public static Tensor[] run(Graph g, Tensor... inputs) {
        Tensor[] env = all(g, inputs);
        Tensor[] out = new Tensor[g.outputs().size()];
        for (int i = 0; i < out.length; i++) out[i] = env[g.outputs().get(i)];
        return out;
    }

    /**
     * The value of every variable of {@code g} for these concrete inputs, indexed by id (null for unused ids):
     * what the printers show beside each line.
     */
    public static NDArray[] values(Graph g, NDArray... inputs) {
        Tensor[] in = new Tensor[inputs.length];
        for (int i = 0; i < in.length; i++) in[i] = Tensor.from(inputs[i]);
        Tensor[] env = all(g, in);
        NDArray[] v = new NDArray[env.length];
        for (int i = 0; i < env.length; i++) v[i] = env[i] == null ? null : env[i].value();
        return v;
    }

    private static Tensor[] all(Graph g, Tensor[] inputs) {
        if (inputs.length != g.inputs().size()) {
            throw new IllegalArgumentException("graph: " + inputs.length + " inputs given, the graph takes "
                    + g.inputs().size());
        }
        Tensor[] env = new Tensor[g.maxId() + 1];
        for (int i = 0; i < inputs.length; i++) {
            Input v = g.inputs().get(i);
            if (!inputs[i].dims().equals(v.shape())) {
                throw new IllegalArgumentException("graph: input " + (i + 1) + " has shape " + inputs[i].dims()
                        + ", the graph was staged for " + v.shape());
            }
            env[v.id()] = inputs[i];
        }
        for (Constant c : g.constants()) env[c.id()] = Tensor.from(c.value());
        for (Node n : g.nodes()) {
            Tensor[] args = new Tensor[n.parents().size()];
            for (int i = 0; i < args.length; i++) args[i] = env[n.parents().get(i)];
            Tensor[] results = Bind.bindAll(n.primitive(), args);
            for (int k = 0; k < results.length; k++) env[n.ids().get(k)] = results[k];
        }
        return env;
    }
}
