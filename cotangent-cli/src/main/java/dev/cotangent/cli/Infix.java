package dev.cotangent.cli;

import dev.cotangent.graph.Constant;
import dev.cotangent.graph.Graph;
import dev.cotangent.graph.Input;
import dev.cotangent.graph.Names;
import dev.cotangent.graph.Node;
import dev.cotangent.graph.Var;

/**
 * Each variable of a scalar graph written back in the expression language ({@code y*log(x)}), shortened to a
 * few characters, so the listing shows which part of the formula each x_k is.
 */
final class Infix {
    private static final int MAX = 26;
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int NEGATION = 3;
    private static final int POWER = 4;
    private static final int ATOM = 5;

    private Infix() {}

    /** The text of every node and constant, indexed by id (null for inputs and for ids not in the graph). */
    static String[] of(Graph g) {
        Names names = new Names(g);
        Var[] vars = g.byId();
        String[] text = new String[vars.length];
        int[] prec = new int[vars.length];
        for (Input v : g.inputs()) {
            text[v.id()] = v.name() != null ? v.name() : names.of(v.id());
            prec[v.id()] = ATOM;
        }
        for (Constant c : g.constants()) {
            text[c.id()] = names.of(c.id());
            prec[c.id()] = text[c.id()].startsWith("-") ? NEGATION : ATOM;
        }
        for (Node n : g.nodes()) {
            String op = n.primitive().name();
            int[] p = new int[n.parents().size()];
            for (int i = 0; i < p.length; i++) p[i] = n.parents().get(i);
            String t;
            int q;
            switch (op) {
                case "add", "sub" -> {
                    q = SUM;
                    t = wrap(text, prec, p[0], q, false) + (op.equals("add") ? " + " : " - ")
                            + wrap(text, prec, p[1], q, op.equals("sub"));
                }
                case "mul", "div" -> {
                    q = PRODUCT;
                    t = wrap(text, prec, p[0], q, false) + (op.equals("mul") ? "*" : "/")
                            + wrap(text, prec, p[1], q, op.equals("div"));
                }
                case "neg" -> {
                    q = NEGATION;
                    t = "-" + wrap(text, prec, p[0], q, true);
                }
                case "pow" -> {
                    q = POWER;
                    t = wrap(text, prec, p[0], q, true) + "^" + wrap(text, prec, p[1], q, false);
                }
                default -> {
                    q = ATOM;
                    StringBuilder sb = new StringBuilder(op.equals("maximum") ? "max" : op.equals("minimum") ? "min"
                            : op).append('(');
                    for (int i = 0; i < p.length; i++) sb.append(i > 0 ? ", " : "").append(text[p[i]]);
                    t = sb.append(')').toString();
                }
            }
            text[n.id()] = t.length() <= MAX ? t : t.substring(0, MAX - 1) + "…";
            prec[n.id()] = q;
        }
        for (Input v : g.inputs()) text[v.id()] = null; // an input's line already names it
        return text;
    }

    /** The operand's text, parenthesized if it binds looser than the operator (or as loose, if strict). */
    private static String wrap(String[] text, int[] prec, int id, int q, boolean strict) {
        return prec[id] < q || (strict && prec[id] == q) ? "(" + text[id] + ")" : text[id];
    }
}
