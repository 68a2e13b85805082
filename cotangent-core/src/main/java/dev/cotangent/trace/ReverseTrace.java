package dev.cotangent.trace;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.BinaryKernel;
import dev.cotangent.primitive.OneResult;
import dev.cotangent.primitive.Primitive;
import dev.cotangent.tensor.NDArray;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reverse mode at one level: a tape (Wengert list) of the primitive calls that depend on this level's inputs,
 * in the order they ran, which is a topological order of the computational DAG. The backward sweep walks it in
 * reverse and applies each primitive's VJP rule (written with ops, so outer levels record it too):
 * x̄_k = Σ_{m ∈ children(k)} ∂f_m/∂x_kᵀ x̄_m.
 *
 * <p>Every traced value (an input, or one result of a recorded call) has a slot, numbered in creation order;
 * the sweep keeps one cotangent per slot, so a primitive with several results receives one cotangent for each.
 */
public final class ReverseTrace extends Trace {
    private final List<Node> tape = new ArrayList<>();
    private int slots;

    public ReverseTrace(int level) {
        super(level, "vjp");
    }

    /** A trace for the transform the user called, named in messages (e.g. {@code grad}, {@code jacrev}). */
    public ReverseTrace(int level, String transform) {
        super(level, transform);
    }

    /** A fresh input of this trace with primal {@code x}. */
    public Tensor input(Tensor x) {
        return new ReverseTracer(this, x, slots++);
    }

    /**
     * The bytes of numbers the tape keeps alive for the backward sweep: every distinct array among the recorded
     * operands and results (arrays shared by several entries, such as a weight used at every step, count once).
     * Values that are tracers of outer transforms count by the concrete value they carry.
     */
    public long savedBytes() {
        Set<double[]> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        long bytes = 0;
        for (Node node : tape) {
            for (Tensor t : node.primals) bytes += count(t, seen);
            for (Tensor t : node.outs) bytes += count(t, seen);
        }
        return bytes;
    }

    private static long count(Tensor t, Set<double[]> seen) {
        if (t instanceof ShapeOnly) return 0;
        double[] d;
        try {
            d = t.value().unsafeData();
        } catch (IllegalStateException noValue) {
            return 0; // staged or batched: no array kept here
        }
        return seen.add(d) ? 8L * d.length : 0;
    }

    /** How many values the tape tracks: the inputs and every result of a recorded call. */
    public int tapeLength() {
        return slots;
    }

    @Override
    public Tensor[] process(Primitive p, Tensor[] args) {
        Tensor[] primals = new Tensor[args.length];
        int[] parents = parents(args, primals);
        Tensor[] outs = Bind.bindAll(p, primals);
        if (parents == null || !p.differentiable()) return outs;
        record(p, parents, primals, p.vjpReadsResult() ? outs : ShapeOnly.all(outs));
        Tensor[] r = new Tensor[outs.length];
        for (int k = 0; k < r.length; k++) r[k] = new ReverseTracer(this, outs[k], slots++);
        return r;
    }

    @Override
    public Tensor process1(Primitive p, Tensor[] args) {
        Tensor[] primals = new Tensor[args.length];
        int[] parents = parents(args, primals);
        Tensor out = Bind.bind(p, primals);
        if (parents == null || !p.differentiable()) return out;
        record(p, parents, primals, p.vjpReadsResult() ? new Tensor[] {out} : ShapeOnly.one(out));
        return new ReverseTracer(this, out, slots++);
    }

    /** Fills {@code primals} from {@code args}; the slot of each traced operand (−1 for others), or null if none. */
    private int[] parents(Tensor[] args, Tensor[] primals) {
        int[] parents = null;
        for (int i = 0; i < args.length; i++) {
            Tensor a = args[i];
            if (a instanceof ReverseTracer && ((ReverseTracer) a).trace == this) {
                primals[i] = ((ReverseTracer) a).primal();
                if (parents == null) {
                    parents = new int[args.length];
                    java.util.Arrays.fill(parents, -1);
                }
                parents[i] = ((ReverseTracer) a).slot;
            } else {
                primals[i] = a;
            }
        }
        return parents;
    }

    /** Puts a call on the tape, keeping of its operands only what the VJP rule reads (else their shapes). */
    private void record(Primitive p, int[] parents, Tensor[] primals, Tensor[] outsKept) {
        Tensor[] kept = p.vjpReadsOperands() ? primals : ShapeOnly.all(primals);
        tape.add(new Node(p, parents, kept, outsKept, slots));
    }

    /** The backward sweep from one output; see {@link #backward(Tensor[], Tensor[], Tensor[])}. */
    public Tensor[] backward(Tensor output, Tensor seed, Tensor[] inputs) {
        return backward(new Tensor[] {output}, new Tensor[] {seed}, inputs);
    }

    /**
     * The backward sweep from {@code outputs} with cotangents {@code seeds} ({@code null}: zero): returns the
     * cotangent of each of {@code inputs} ({@code null} where no output depends on it). An output that is not a
     * tracer of this trace does not depend on any input.
     */
    public Tensor[] backward(Tensor[] outputs, Tensor[] seeds, Tensor[] inputs) {
        Tensor[] result = new Tensor[inputs.length];
        int last = -1;
        for (Tensor o : outputs) if (isMine(o)) last = Math.max(last, ((ReverseTracer) o).slot);
        if (last < 0) return result;
        Tensor[] ct = new Tensor[last + 1];
        boolean[] owned = new boolean[last + 1];
        for (int i = 0; i < outputs.length; i++) {
            if (!isMine(outputs[i]) || seeds[i] == null) continue;
            int s = ((ReverseTracer) outputs[i]).slot;
            ct[s] = ct[s] == null ? seeds[i] : accumulate(ct[s], seeds[i], owned, s);
        }
        for (int k = tape.size() - 1; k >= 0; k--) {
            Node node = tape.get(k);
            int results = node.outs.length;
            if (node.slot > last) continue;
            if (results == 1) {
                Tensor g = ct[node.slot];
                if (g == null) continue;
                ct[node.slot] = null; // release as we go: only cotangents still needed stay alive
                pullBack(node, node.primitive instanceof OneResult ? null : new Tensor[] {g}, g, ct, owned);
                continue;
            }
            Tensor[] gs = null;
            for (int j = 0; j < results; j++) {
                Tensor g = ct[node.slot + j];
                if (g == null) continue;
                if (gs == null) gs = new Tensor[results];
                gs[j] = g;
                ct[node.slot + j] = null; // release as we go: only cotangents still needed stay alive
            }
            if (gs == null) continue;
            pullBack(node, gs, null, ct, owned);
        }
        for (int i = 0; i < inputs.length; i++) {
            if (isMine(inputs[i])) {
                int j = ((ReverseTracer) inputs[i]).slot;
                result[i] = j <= last ? ct[j] : null;
            }
        }
        return result;
    }

    /**
     * Applies a node's VJP rule and adds the operands' cotangents into their slots: with {@code gs} (a cotangent
     * per result) through {@code vjpAll}, or with the one cotangent {@code g} of a {@link OneResult} directly.
     */
    private static void pullBack(Node node, Tensor[] gs, Tensor g, Tensor[] ct, boolean[] owned) {
        int[] parents = node.parents;
        boolean[] needed = new boolean[parents.length];
        for (int i = 0; i < parents.length; i++) needed[i] = parents[i] >= 0;
        Object[] mark = RuleContext.enter(node.primitive, "vjp");
        Tensor[] back;
        try {
            back = gs == null ? ((OneResult) node.primitive).vjp(g, node.primals, node.outs[0], needed)
                    : node.primitive.vjpAll(gs, node.primals, node.outs, needed);
        } finally {
            RuleContext.exit(mark);
        }
        for (int i = 0; i < parents.length; i++) {
            int j = parents[i];
            if (j < 0 || back[i] == null) continue;
            ct[j] = ct[j] == null ? back[i] : accumulate(ct[j], back[i], owned, j);
        }
    }

    private boolean isMine(Tensor t) {
        return t instanceof ReverseTracer && ((ReverseTracer) t).trace == this;
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
     * One entry of the tape: outs = p(primals), with the slot of each traced operand ({@code −1} for constants)
     * and the first of the consecutive slots of its results. It keeps what the backward sweep needs; a value the
     * primitive's VJP rule does not read is kept as its shape only, so the tape holds no more than the rules use.
     */
    private static final class Node {
        final Primitive primitive;
        final int[] parents;
        final Tensor[] primals;
        final Tensor[] outs;
        final int slot;

        Node(Primitive primitive, int[] parents, Tensor[] primals, Tensor[] outs, int slot) {
            this.primitive = primitive;
            this.parents = parents;
            this.primals = primals;
            this.outs = outs;
            this.slot = slot;
        }
    }

    /** A primal with its slot on this trace's tape. */
    static final class ReverseTracer extends Tracer {
        private final ReverseTrace trace;
        final int slot;

        ReverseTracer(ReverseTrace trace, Tensor primal, int slot) {
            super(primal);
            this.trace = trace;
            this.slot = slot;
        }

        @Override
        public Trace trace() {
            return trace;
        }
    }
}
