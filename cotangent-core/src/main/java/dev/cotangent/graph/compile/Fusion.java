package dev.cotangent.graph.compile;

import dev.cotangent.graph.Constant;
import dev.cotangent.graph.Graph;
import dev.cotangent.graph.Node;
import dev.cotangent.graph.Var;
import dev.cotangent.primitive.Binary;
import dev.cotangent.primitive.BroadcastTo;
import dev.cotangent.primitive.Compare;
import dev.cotangent.primitive.Pad;
import dev.cotangent.primitive.Slice;
import dev.cotangent.primitive.Sum;
import dev.cotangent.primitive.Unary;
import dev.cotangent.tensor.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Producer–consumer fusion: walks a graph in order and gathers elementwise nodes of one result shape, with the
 * full sums of their values, into one loop per run of such nodes (operands of other shapes are read with
 * an {@link Access} that folds broadcasting, slices and zero padding into index arithmetic); every other node becomes
 * a {@link Call}. Loops of different shapes stay open side by side (a scalar chain beside a vector chain); a loop is
 * closed (emitted) before a node of another loop reads one of its values, and every open loop is closed before a
 * call, so that the arrays a loop reads die early. Every step is emitted after every step whose values it reads, so
 * the order is a valid schedule.
 */
final class Fusion {
    /** How a kernel applies a node: {@link Kernel#UNARY} or {@link Kernel#BINARY} and the function's ordinal. */
    record Op(byte kind, int fn) {}

    private Fusion() {}

    /** The kernel operation of a fusable node. */
    static Op op(Node n) {
        if (n.primitive() instanceof Unary u) return new Op(Kernel.UNARY, u.kernel().ordinal());
        if (n.primitive() instanceof Compare c) return new Op(Kernel.BINARY, c.kernel().ordinal());
        return new Op(Kernel.BINARY, ((Binary) n.primitive()).kernel().ordinal());
    }

    /** Whether the node is an elementwise function a kernel can compute. */
    static boolean fusable(Node n) {
        return (n.primitive() instanceof Unary || n.primitive() instanceof Binary || n.primitive() instanceof Compare)
                && n.shape().size() > 0;
    }

    /** Whether every element of the constant is the same number (bit for bit): a loop fills it, never reads it. */
    static boolean uniform(Constant c) {
        double[] d = c.value().unsafeData();
        long first = d.length == 0 ? 0 : Double.doubleToRawLongBits(d[0]);
        for (double x : d) if (Double.doubleToRawLongBits(x) != first) return false;
        return d.length > 1;
    }

    /** How a loop reads the operand of a slice, pad or broadcast node in place of the node; null for other nodes. */
    static Access view(Node n, Var[] byId) {
        if (n.shape().size() == 0 || n.results() != 1) return null;
        Shape from = n.parents().isEmpty() ? null : byId[n.parents().get(0)].shape();
        if (n.primitive() instanceof Slice) return Access.slice(from, (int[]) n.params().get("start"));
        if (n.primitive() instanceof Pad) return Access.pad(from, (int[]) n.params().get("before"));
        if (n.primitive() instanceof BroadcastTo) return Access.broadcast(from, n.shape());
        return null;
    }

    /** The steps of {@code g}, in an order that respects every dependency. */
    static List<Step> steps(Graph g) {
        Var[] byId = g.byId();
        Map<Shape, KernelBuilder> open = new LinkedHashMap<>();
        Map<Integer, KernelBuilder> definedBy = new HashMap<>();
        Set<KernelBuilder> closed = new HashSet<>();
        List<Object> order = new ArrayList<>();
        for (Node n : g.nodes()) {
            if (fusable(n)) {
                Shape s = n.shape();
                for (int p : n.parents()) {
                    KernelBuilder k = definedBy.get(p);
                    boolean inside = k != null && k.shape.equals(s) && k.computes(p);
                    if (k != null && !closed.contains(k) && !inside) close(k, open, closed, order);
                }
                KernelBuilder k = open.computeIfAbsent(s, KernelBuilder::new);
                Shape[] in = new Shape[n.parents().size()];
                Access[] access = new Access[in.length];
                for (int i = 0; i < in.length; i++) {
                    Var v = byId[n.parents().get(i)];
                    in[i] = v.shape();
                    boolean fill = v instanceof Constant c && uniform(c);
                    access[i] = fill ? Access.uniform(s.rank()) : Access.broadcast(in[i], s);
                }
                k.add(n, in, access);
                definedBy.put(n.id(), k);
                continue;
            }
            Access view = view(n, byId);
            if (view != null) {
                KernelBuilder k = definedBy.get(n.parents().get(0));
                if (k != null && !closed.contains(k)) close(k, open, closed, order);
                open.computeIfAbsent(n.shape(), KernelBuilder::new).addView(n, byId[n.parents().get(0)].shape(), view);
                definedBy.put(n.id(), open.get(n.shape()));
                continue;
            }
            KernelBuilder src = n.parents().size() == 1 ? definedBy.get(n.parents().get(0)) : null;
            if (n.primitive() instanceof Sum && n.shape().size() == 1 && src != null && !closed.contains(src)
                    && src.computes(n.parents().get(0))) {
                src.addSum(n);
                definedBy.put(n.id(), src);
                continue;
            }
            // every open loop is emitted before a call: a loop kept open across calls would keep the arrays it
            // reads alive until it runs (the K outer products of a recurrence's gradient, summed at the end)
            for (KernelBuilder k : new ArrayList<>(open.values())) close(k, open, closed, order);
            order.add(new Call(n));
        }
        for (KernelBuilder k : new ArrayList<>(open.values())) close(k, open, closed, order);
        Set<Integer> stored = storedValues(g, definedBy);
        List<Step> steps = new ArrayList<>();
        for (Object o : order) steps.add(o instanceof KernelBuilder k ? k.build(stored) : (Step) o);
        return steps;
    }

    private static void close(KernelBuilder k, Map<Shape, KernelBuilder> open, Set<KernelBuilder> closed,
                              List<Object> order) {
        open.remove(k.shape);
        closed.add(k);
        order.add(k);
    }

    /** The values computed in a loop that something outside that loop reads, or that the program returns. */
    private static Set<Integer> storedValues(Graph g, Map<Integer, KernelBuilder> definedBy) {
        Set<Integer> stored = new HashSet<>(g.outputs());
        for (Node n : g.nodes()) {
            KernelBuilder mine = definedBy.get(n.id());
            for (int p : n.parents()) {
                KernelBuilder k = definedBy.get(p);
                if (k != null && k != mine) stored.add(p);
            }
        }
        return stored;
    }
}
