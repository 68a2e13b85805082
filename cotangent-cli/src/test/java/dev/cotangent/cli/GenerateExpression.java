package dev.cotangent.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a random expression of exactly N operations over x, y and z for the performance figures of the
 * README (and the tests): a mix of + - * / ^, sin cos tanh sigmoid softplus atan exp log sqrt, with every
 * intermediate value kept moderate at the point x=0.7, y=1.3, z=-0.4 so nothing overflows. Runs on its own:
 * {@code java cotangent-cli/src/test/java/dev/cotangent/cli/GenerateExpression.java 10000 > expr.txt}.
 */
public final class GenerateExpression {
    static final double[] POINT = {0.7, 1.3, -0.4};
    private static final String[] VARS = {"x", "y", "z"};
    private static final String[] SQUASH = {"sin", "cos", "tanh", "sigmoid", "softplus", "atan"};

    private record Term(String text, double value) {}

    private GenerateExpression() {}

    /** An expression with exactly {@code ops} operations (instructions that are not numbers or variables). */
    public static String generate(int ops, long seed) {
        Random r = new Random(seed);
        List<Term> pool = new ArrayList<>();
        int used = 0;
        while (true) {
            int budget = ops - used;
            if (pool.size() < 2 || (r.nextInt(4) == 0 && pool.size() < 64)) {
                pool.add(leaf(r));
                continue;
            }
            if (budget <= pool.size() - 1 + 3) break; // keep 3 spare for a template, the rest to sum the pool
            Term a = pool.remove(r.nextInt(pool.size()));
            Term c;
            int kind = r.nextInt(10);
            if (kind <= 3) { // a binary operator: 1 op
                Term b = pool.remove(r.nextInt(pool.size()));
                char op = "+-*".charAt(r.nextInt(3));
                double v = op == '+' ? a.value + b.value : op == '-' ? a.value - b.value : a.value * b.value;
                if (Math.abs(v) > 100) {
                    op = '-';
                    v = a.value - b.value;
                }
                c = new Term("(" + a.text + op + b.text + ")", v);
                if (Math.abs(v) > 100) { // still large: squash it (one more op)
                    c = new Term("tanh" + c.text, Math.tanh(v));
                    used++;
                }
                used++;
            } else if (kind <= 6) { // a squashing function: 1 op
                String f = SQUASH[r.nextInt(SQUASH.length)];
                c = new Term(f + "(" + a.text + ")", apply(f, a.value));
                used++;
            } else if (kind == 7) { // a / (2 + cos b): 3 ops
                Term b = pool.remove(r.nextInt(pool.size()));
                c = new Term("(" + a.text + ")/(2+cos(" + b.text + "))", a.value / (2 + Math.cos(b.value)));
                used += 3;
            } else if (kind == 8) { // log(1 + a^2): 3 ops
                c = new Term("log(1+(" + a.text + ")^2)", Math.log(1 + a.value * a.value));
                used += 3;
            } else { // sqrt(1 + a^2) or exp(-a^2): 3 ops
                c = r.nextBoolean() ? new Term("sqrt(1+(" + a.text + ")^2)", Math.sqrt(1 + a.value * a.value))
                        : new Term("exp(-(" + a.text + ")^2)", Math.exp(-a.value * a.value));
                used += 3;
            }
            pool.add(c);
        }
        // pad with squashing functions to hit the count exactly, then sum the pool
        while (ops - used > pool.size() - 1) {
            Term a = pool.remove(pool.size() - 1);
            pool.add(new Term("sin(" + a.text + ")", Math.sin(a.value)));
            used++;
        }
        StringBuilder sb = new StringBuilder(pool.get(0).text);
        for (int i = 1; i < pool.size(); i++) sb.append('+').append(pool.get(i).text);
        return sb.toString();
    }

    private static Term leaf(Random r) {
        if (r.nextInt(3) > 0) {
            int k = r.nextInt(3);
            return new Term(VARS[k], POINT[k]);
        }
        double c = Math.round(r.nextDouble() * 99 + 1) / 100.0; // 0.01 .. 1: no sign, so no extra negation
        return new Term(Double.toString(c), c);
    }

    private static double apply(String f, double v) {
        return switch (f) {
            case "sin" -> Math.sin(v);
            case "cos" -> Math.cos(v);
            case "tanh" -> Math.tanh(v);
            case "sigmoid" -> 1 / (1 + Math.exp(-v));
            case "softplus" -> Math.log1p(Math.exp(v));
            default -> Math.atan(v);
        };
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        System.out.println(generate(n, seed));
    }
}
