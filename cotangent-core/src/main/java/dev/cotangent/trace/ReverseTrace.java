package dev.cotangent.trace;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.primitive.Primitive;
import java.util.ArrayList;
import java.util.List;

/**
 * Reverse mode at one level: a tape (Wengert list) of the primitive calls that depend on this level's inputs,
 * in the order they ran, which is a topological order of the computational DAG. The backward sweep walks it in
 * reverse and applies each primitive's VJP rule (written with ops, so outer levels record it too):
 * x̄_k = Σ_{m ∈ children(k)} ∂f_m/∂x_kᵀ x̄_m.
 */
public final class ReverseTrace extends Trace {
    private final List<Node> tape = new ArrayList<>();

    public ReverseTrace(int level) {
        super(level, "vjp");
    }

    /** A fresh input of this trace with primal {@code x}. */
    public Tensor input(Tensor x) {
        Node n = new Node(null, null, null, x, tape.size());
        tape.add(n);
        return new ReverseTracer(this, x, n);
    }

    /** How many nodes the tape holds (inputs included). */
    public int tapeLength() {
        return tape.size();
    }

    @Override
    public Tensor process(Primitive p, Tensor[] args) {
        int n = args.length;
        Tensor[] primals = new Tensor[n];
        Node[] parents = null;
        for (int i = 0; i < n; i++) {
            Tensor a = args[i];
            if (a instanceof ReverseTracer && ((ReverseTracer) a).trace == this) {
                primals[i] = ((ReverseTracer) a).primal();
                if (parents == null) parents = new Node[n];
                parents[i] = ((ReverseTracer) a).node;
            } else {
                primals[i] = a;
            }
        }
        Tensor out = Bind.bind(p, primals);
        if (parents == null || !p.differentiable()) return out;
        Node node = new Node(p, parents, primals, out, tape.size());
        tape.add(node);
        return new ReverseTracer(this, out, node);
    }

    /**
     * The backward sweep from {@code output} with cotangent {@code seed}: returns the cotangent of each of
     * {@code inputs} ({@code null} where the output does not depend on it). {@code output} that is not a
     * tracer of this trace does not depend on any input.
     */
    public Tensor[] backward(Tensor output, Tensor seed, Tensor[] inputs) {
        Tensor[] result = new Tensor[inputs.length];
        if (!(output instanceof ReverseTracer) || ((ReverseTracer) output).trace != this) return result;
        int last = ((ReverseTracer) output).node.index;
        Tensor[] ct = new Tensor[last + 1];
        ct[last] = seed;
        for (int k = last; k >= 0; k--) {
            Tensor g = ct[k];
            Node node = tape.get(k);
            if (g == null || node.primitive == null) continue;
            ct[k] = null; // release as we go: only cotangents still needed stay alive
            Node[] parents = node.parents;
            boolean[] needed = new boolean[parents.length];
            for (int i = 0; i < parents.length; i++) needed[i] = parents[i] != null;
            Tensor[] gs = node.primitive.vjp(g, node.primals, node.out, needed);
            for (int i = 0; i < parents.length; i++) {
                if (parents[i] == null || gs[i] == null) continue;
                int j = parents[i].index;
                ct[j] = ct[j] == null ? gs[i] : Ops.add(ct[j], gs[i]);
            }
        }
        for (int i = 0; i < inputs.length; i++) {
            Tensor in = inputs[i];
            if (in instanceof ReverseTracer && ((ReverseTracer) in).trace == this) {
                int j = ((ReverseTracer) in).node.index;
                result[i] = j <= last ? ct[j] : null;
            }
        }
        return result;
    }

    /** One recorded primitive call: y = p(primals), with the tape nodes of the operands that are traced. */
    static final class Node {
        final Primitive primitive;
        final Node[] parents;
        final Tensor[] primals;
        final Tensor out;
        final int index;

        Node(Primitive primitive, Node[] parents, Tensor[] primals, Tensor out, int index) {
            this.primitive = primitive;
            this.parents = parents;
            this.primals = primals;
            this.out = out;
            this.index = index;
        }
    }

    /** A primal with its node on this trace's tape. */
    static final class ReverseTracer extends Tracer {
        private final ReverseTrace trace;
        final Node node;

        ReverseTracer(ReverseTrace trace, Tensor primal, Node node) {
            super(primal);
            this.trace = trace;
            this.node = node;
        }

        @Override
        public Trace trace() {
            return trace;
        }
    }
}
