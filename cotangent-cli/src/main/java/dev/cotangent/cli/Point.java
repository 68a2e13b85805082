package dev.cotangent.cli;

import dev.cotangent.cli.expr.Builtin;
import dev.cotangent.cli.expr.Expression;
import dev.cotangent.cli.expr.ParseException;
import dev.cotangent.cli.expr.Parser;
import dev.cotangent.graph.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The point of {@code --at x=2,y=3}: variable names in the order given, with their values. A value may be a
 * number or arithmetic on numbers and constants ({@code pi/4}, {@code -1e-3}, {@code sqrt(2)}).
 */
record Point(List<String> names, double[] values) {
    private static final Pattern SPLIT = Pattern.compile(",(?=\\s*[A-Za-z_][A-Za-z0-9_]*\\s*=)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Parses the {@code --at} arguments (each may hold several comma-separated assignments). */
    static Point parse(List<String> args) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String arg : args) {
            for (String part : SPLIT.split(arg.trim())) {
                if (part.isBlank()) continue;
                int eq = part.indexOf('=');
                if (eq < 0) {
                    throw new CliException("--at " + part.trim() + ": expected name=value, as in --at x=2,y=3");
                }
                String name = part.substring(0, eq).trim();
                String value = part.substring(eq + 1).trim();
                if (!NAME.matcher(name).matches()) {
                    throw new CliException("--at " + part.trim() + ": '" + name + "' is not a variable name (letters, "
                            + "digits and _, starting with a letter)");
                }
                if (name.equals("pi") || name.equals("e")) {
                    throw new CliException("--at " + part.trim() + ": " + name + " is a constant, not a variable");
                }
                if (Builtin.named(name) != null) {
                    throw new CliException("--at " + part.trim() + ": " + name + " is a function, not a variable");
                }
                if (m.containsKey(name)) throw new CliException("--at: " + name + " is given twice");
                m.put(name, number(name, value));
            }
        }
        List<String> names = new ArrayList<>(m.keySet());
        double[] v = new double[names.size()];
        for (int i = 0; i < v.length; i++) v[i] = m.get(names.get(i));
        return new Point(names, v);
    }

    private static double number(String name, String text) {
        Expression e;
        try {
            e = Parser.parse(text);
        } catch (ParseException ex) {
            throw new CliException("--at " + name + "=" + text + ": " + ex.getMessage()
                    + "; a value is a number, pi, e, or arithmetic on them");
        }
        if (!e.variables().isEmpty()) {
            throw new CliException("--at " + name + "=" + text + ": a value cannot use variables ("
                    + e.variables().get(0) + "); give a number, pi, e, or arithmetic on them");
        }
        double v = e.evaluate(Map.of()).item();
        if (!Double.isFinite(v)) throw new CliException("--at " + name + "=" + text + " is " + v + "; give a finite number");
        return v;
    }

    /** The values by name. */
    Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) m.put(names.get(i), values[i]);
        return m;
    }

    /** As {@code x = 2, y = 3}. */
    String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(names.get(i)).append(" = ").append(Numbers.brief(values[i]));
        }
        return sb.toString();
    }
}
