package dev.cotangent.graph;

import dev.cotangent.tensor.NDArray;

/**
 * How the printers name a graph's variables, as in the lecture: inputs and nodes are x1, x2, ... in order
 * (inputs first, then nodes in topological order); a one-number constant is written as its value, a larger one
 * as c1, c2, ...; an input may also have a display name (x, y).
 */
public final class Names {
    private final String[] names;
    private final int[] position;
    private final Var[] vars;

    public Names(Graph g) {
        vars = g.byId();
        names = new String[vars.length];
        position = new int[vars.length];
        int k = 0;
        for (Input v : g.inputs()) {
            names[v.id()] = "x" + (++k);
            position[v.id()] = k;
        }
        for (Node n : g.nodes()) {
            for (int id : n.ids()) {
                names[id] = "x" + (++k);
                position[id] = k;
            }
        }
        int c = 0;
        for (Constant v : g.constants()) {
            names[v.id()] = v.value().size() == 1 ? Numbers.brief(v.value().unsafeData()[0]) : "c" + (++c);
        }
    }

    /** The printed name of variable {@code id}: x3, or a constant's value. */
    public String of(int id) {
        return names[id];
    }

    /** The number k of x_k (0 for constants). */
    public int position(int id) {
        return position[id];
    }

    /** The display name of an input (its given name, else its x_k name). */
    public String label(int id) {
        return vars[id] instanceof Input in && in.name() != null ? in.name() : names[id];
    }

    /** Whether {@code id} names a constant. */
    public boolean isConstant(int id) {
        return vars[id] instanceof Constant;
    }

    /** The variable with this id. */
    public Var var(int id) {
        return vars[id];
    }

    /** The left-hand side of a node: {@code x3}, or {@code (x3, x4)} for a primitive with several results. */
    public String results(Node n) {
        if (n.results() == 1) return of(n.id());
        StringBuilder sb = new StringBuilder("(");
        for (int k = 0; k < n.results(); k++) sb.append(k > 0 ? ", " : "").append(of(n.ids().get(k)));
        return sb.append(')').toString();
    }

    /** The right-hand side of a node as the listing prints it, e.g. {@code log(x1)} or {@code sum[axes=[0]](x3)}. */
    public String call(Node n) {
        StringBuilder sb = new StringBuilder(n.primitive().toString()).append('(');
        for (int i = 0; i < n.parents().size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(of(n.parents().get(i)));
        }
        return sb.append(')').toString();
    }

    /** A short rendering of a value: the number for a scalar, else shape and (few) numbers. */
    public static String value(NDArray v) {
        if (v == null) return "";
        if (v.size() == 1 && v.rank() == 0) return Numbers.brief(v.unsafeData()[0]);
        return v.dims() + (v.size() <= 6 ? " " + v : "");
    }
}
