package dev.cotangent.trace;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.BinaryKernel;
import dev.cotangent.primitive.Primitive;
import dev.cotangent.tensor.NDArray;
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
        Node n = new Node(null, null, null, null, tape.size());
        tape.add(n);
        return new ReverseTracer(this, x, n);
    }

    /**
     * The bytes of numbers the tape keeps alive for the backward sweep: every distinct array among the recorded
     * operands and results (arrays shared by several entries, such as a weight used at every step, count once).
     * Values that are tracers of outer transforms count by the concrete value they carry.
     */
    public long savedBytes() {
        java.util.Set<double[]> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        long bytes = 0;
        for (Node node : tape) {
            if (node.primitive == null) continue;
            for (Tensor t : node.primals) bytes += count(t, seen);
            bytes += count(node.out, seen);
        }
        return bytes;
    }

    private static long count(Tensor t, java.util.Set<double[]> seen) {
        if (t instanceof Dropped) return 0;
        double[] d;
        try {
            d = t.value().unsafeData();
        } catch (IllegalStateException noValue) {
            return 0; // dropped (shape only), staged or batched: no array kept here
        }
        return seen.add(d) ? 8L * d.length : 0;
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
        // keep for the backward sweep only the values the VJP rule reads; of the others, only their shapes
        Tensor[] kept = p.vjpReadsOperands() ? primals : Dropped.all(primals);
        Node node = new Node(p, parents, kept, p.vjpReadsResult() ? out : Dropped.of(out), tape.size());
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
        boolean[] owned = null;
        ct[last] = seed;
        for (int k = last; k >= 0; k--) {
            Tensor g = ct[k];
            Node node = tape.get(k);
            if (g == null || node.primitive == null) continue;
            ct[k] = null; // release as we go: only cotangents still needed stay alive
            Node[] parents = node.parents;
            boolean[] needed = new boolean[parents.length];
            for (int i = 0; i < parents.length; i++) needed[i] = parents[i] != null;
            Object[] mark = RuleContext.enter(node.primitive, "vjp");
            Tensor[] gs;
            try {
                gs = node.primitive.vjp(g, node.primals, node.out, needed);
            } finally {
                RuleContext.exit(mark);
            }
            for (int i = 0; i < parents.length; i++) {
                if (parents[i] == null || gs[i] == null) continue;
                int j = parents[i].index;
                if (ct[j] == null) {
                    ct[j] = gs[i];
                } else {
                    if (owned == null) owned = new boolean[last + 1];
                    ct[j] = accumulate(ct[j], gs[i], owned, j);
                }
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

    /**
     * ct + g. When both are concrete numbers (nothing records this sum) and anomaly mode is off, the sum goes into
     * an array this sweep owns and later contributions are added in place: a weight shared by K steps then costs
     * one buffer, not K new arrays. Otherwise the sum is an op, so an enclosing transform sees it.
     */
    private static Tensor accumulate(Tensor ct, Tensor g, boolean[] owned, int j) {
        if (ct instanceof Tracer || g instanceof Tracer || !ct.dims().equals(g.dims()) || Eval.anomalyMode()) {
            owned[j] = false;
            return Ops.add(ct, g);
        }
        double[] b = g.value().unsafeData();
        double[] a = ct.value().unsafeData();
        if (owned[j]) {
            BinaryKernel.same(BinaryKernel.Fn.ADD, a, 0, b, 0, a, 0, a.length);
            return ct;
        }
        double[] sum = new double[a.length];
        BinaryKernel.same(BinaryKernel.Fn.ADD, a, 0, b, 0, sum, 0, a.length);
        owned[j] = true;
        return Tensor.from(NDArray.wrap(ct.dims(), sum));
    }

    /**
     * One entry of the tape: y = p(primals) with the entries of the operands that are traced ({@code null} for
     * constants), or an input when {@code primitive} is null. It keeps what the backward sweep needs; a value the
     * primitive's VJP rule does not read is kept as its shape only, so the tape holds no more than the rules use.
     */
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

    /** A primal with its entry on this trace's tape. */
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
