package dev.cotangent.trace;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.primitive.OneResult;
import dev.cotangent.primitive.Primitive;
import dev.cotangent.primitive.ProductCotangents;
import dev.cotangent.primitive.ScalarRule;
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
 *
 * <p>The tape has two parts, merged by slot in the sweep. A call of a {@link ScalarRule} primitive whose operands
 * are all 0-d concrete values (no tracer of an enclosing transform, so no outer level differentiates through it)
 * is computed on doubles and recorded in the compact {@link ScalarTape} as its operand slots and two partial
 * derivatives, with anomaly mode off; its pullback is then x̄ += ∂y/∂x · ȳ on numbers, or, when ȳ is a tracer of
 * an enclosing transform, the same product as an op. Every other call (tensors, traced primals: grad of grad,
 * forward-over-reverse) is a general {@code Node} whose VJP rule runs with ops. Both give the same numbers.
 */
public final class ReverseTrace extends Trace {
    private final List<Node> tape = new ArrayList<>();
    private final ScalarTape scalars = new ScalarTape();
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
        long bytes = scalars.savedBytes();
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

    /** How many calls the compact scalar tape holds (see the class comment). */
    public int scalarTapeLength() {
        return scalars.size();
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
        if (p instanceof ScalarRule) {
            Tensor y = scalarCall((ScalarRule) p, args);
            if (y != null) return y;
        }
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

    /**
     * A call of a scalar rule on 0-d operands that are concrete values or this trace's tracers of concrete values,
     * computed on doubles and put on the compact tape (its operand slots and partials); null if the call is not
     * such a call (or anomaly mode is on, which checks each op's numbers on the general path).
     */
    private Tensor scalarCall(ScalarRule p, Tensor[] args) {
        Tensor a = args[0];
        Tensor b = args.length > 1 ? args[1] : null;
        int ia = slotOf(a);
        int ib = b == null ? -1 : slotOf(b);
        if (ia == -2 || ib == -2 || ia < 0 && ib < 0 || Eval.anomalyMode()) return null;
        double va = number(a);
        double vb = b == null ? 0.0 : number(b);
        double y = p.value(va, vb);
        scalars.add(slots, ia, ib, ia >= 0 ? p.partial(0, va, vb, y) : 0.0, ib >= 0 ? p.partial(1, va, vb, y) : 0.0);
        return new ReverseTracer(this, Tensor.scalar(y), slots++);
    }

    /**
     * For {@link #scalarCall}: the slot of {@code t} if it is this trace's tracer of a 0-d concrete value, −1 if it
     * is a 0-d concrete value, −2 otherwise (a tensor, an enclosing transform's tracer, a value-less stand-in).
     */
    private int slotOf(Tensor t) {
        if (t.rank() != 0) return -2;
        if (t instanceof ReverseTracer) {
            ReverseTracer r = (ReverseTracer) t;
            return r.trace == this && concrete(r.primal()) ? r.slot : -2;
        }
        return concrete(t) ? -1 : -2;
    }

    private static boolean concrete(Tensor t) {
        return !(t instanceof Tracer) && !(t instanceof ShapeOnly);
    }

    /** The number a 0-d concrete value or tracer of one holds. */
    private static double number(Tensor t) {
        return (t instanceof ReverseTracer ? ((ReverseTracer) t).primal() : t).value().unsafeData()[0];
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
        try (Cotangents ct = new Cotangents(last + 1, scalars.size() > 0)) {
            for (int i = 0; i < outputs.length; i++) {
                if (!isMine(outputs[i]) || seeds[i] == null) continue;
                ct.add(((ReverseTracer) outputs[i]).slot, seeds[i]);
            }
            int k = tape.size() - 1;
            int q = scalars.size() - 1;
            while (k >= 0 || q >= 0) {
                if (q >= 0 && (k < 0 || scalars.slot(q) > tape.get(k).slot)) {
                    if (scalars.slot(q) <= last) pullBackScalar(q, ct);
                    q--;
                } else {
                    Node node = tape.get(k--);
                    if (node.slot <= last) pullBack(node, ct);
                }
            }
            for (int i = 0; i < inputs.length; i++) {
                if (isMine(inputs[i])) {
                    int j = ((ReverseTracer) inputs[i]).slot;
                    result[i] = j <= last ? ct.take(j) : null;
                }
            }
        }
        return result;
    }

    /** Pulls entry {@code q} of the scalar tape back: on numbers, or with ops when its cotangent is traced. */
    private void pullBackScalar(int q, Cotangents ct) {
        int s = scalars.slot(q);
        if (!ct.has(s)) return;
        int a = scalars.a(q);
        int b = scalars.b(q);
        if (ct.isNumber(s)) {
            double g = ct.takeNumber(s); // release as we go: only cotangents still needed stay alive
            if (a >= 0) ct.add(a, g * scalars.da(q));
            if (b >= 0) ct.add(b, g * scalars.db(q));
            return;
        }
        Tensor g = ct.take(s);
        if (a >= 0) ct.add(a, Ops.mul(g, Tensor.scalar(scalars.da(q))));
        if (b >= 0) ct.add(b, Ops.mul(g, Tensor.scalar(scalars.db(q))));
    }

    /**
     * Applies a general node's VJP rule to its results' cotangents, if any, and adds the operands' cotangents
     * into their slots: one cotangent of a {@link OneResult} directly, else one per result through {@code vjpAll}.
     */
    private static void pullBack(Node node, Cotangents ct) {
        int results = node.outs.length;
        Tensor g = null;
        Tensor[] gs = null;
        if (results == 1) {
            g = ct.take(node.slot); // release as we go: only cotangents still needed stay alive
            if (g == null) return;
            if (!(node.primitive instanceof OneResult)) gs = new Tensor[] {g};
        } else {
            for (int j = 0; j < results; j++) {
                Tensor gj = ct.take(node.slot + j);
                if (gj == null) continue;
                if (gs == null) gs = new Tensor[results];
                gs[j] = gj;
            }
            if (gs == null) return;
        }
        int[] parents = node.parents;
        boolean[] needed = new boolean[parents.length];
        for (int i = 0; i < parents.length; i++) needed[i] = parents[i] >= 0;
        if (node.primitive instanceof ProductCotangents pc && g != null && !(g instanceof Tracer)) {
            // a concrete product added into a sum the sweep owns by a GEMM of β = 1 (Cotangents.addProduct)
            boolean any = false;
            for (int i = 0; i < parents.length; i++) {
                if (needed[i] && ct.addProduct(parents[i], pc.cotangentProduct(i, g, node.primals))) needed[i] = false;
                any |= needed[i];
            }
            if (!any) return;
        }
        Object[] mark = RuleContext.enter(node.primitive, "vjp");
        Tensor[] back;
        try {
            back = gs == null ? ((OneResult) node.primitive).vjp(g, node.primals, node.outs[0], needed)
                    : node.primitive.vjpAll(gs, node.primals, node.outs, needed);
        } finally {
            RuleContext.exit(mark);
        }
        boolean fresh = node.primitive.vjpResultsFresh() && fresh(back, g, gs, node.primals, node.outs);
        for (int i = 0; i < parents.length; i++) {
            if (parents[i] >= 0 && back[i] != null) ct.add(parents[i], back[i], fresh);
        }
    }

    /**
     * For a rule that declares fresh results: whether its concrete results are indeed distinct arrays, none of them
     * the cotangent it was given, an operand's or a result's array (a belt to the declaration's braces, cheap: a few identity
     * comparisons). Results that are tracers are never written in place, whatever this says.
     */
    private static boolean fresh(Tensor[] back, Tensor g, Tensor[] gs, Tensor[] primals, Tensor[] outs) {
        for (int i = 0; i < back.length; i++) {
            double[] r = array(back[i]);
            if (r == null) continue;
            for (int k = 0; k < i; k++) if (array(back[k]) == r) return false;
            if (array(g) == r) return false;
            if (gs != null) for (Tensor t : gs) if (array(t) == r) return false;
            for (Tensor t : primals) if (array(t) == r) return false;
            for (Tensor t : outs) if (array(t) == r) return false;
        }
        return true;
    }

    /** The array of a concrete value, else null (tracers, shape-only stand-ins, null). */
    private static double[] array(Tensor t) {
        return t == null || t instanceof Tracer || t instanceof ShapeOnly ? null : t.value().unsafeData();
    }

    private boolean isMine(Tensor t) {
        return t instanceof ReverseTracer && ((ReverseTracer) t).trace == this;
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
