package dev.cotangent.gradbench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A field of a message, with its path ({@code input.points[3]}), decoded into Java values. Every accessor checks
 * the type and the shape it expects and throws {@link BadMessage} naming the path otherwise. Numbers are read
 * leniently (any JSON number where a float is expected: {@code 1000}, {@code 1e-05}, {@code -0.0}); integers
 * must be JSON integers (or floats with an integral value).
 */
public final class In {
    private final JsonNode node;
    private final String path;

    private In(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The value {@code node} called {@code path} in messages (null for a missing one). */
    public static In of(JsonNode node, String path) {
        return new In(node, path);
    }

    public String path() {
        return path;
    }

    public JsonNode node() {
        return node;
    }

    public boolean isPresent() {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    /** The field {@code name} of this object; missing is an error. */
    public In field(String name) {
        In f = optional(name);
        if (!f.isPresent()) throw bad(f.path, "missing");
        return f;
    }

    /** The field {@code name} of this object, possibly absent (check {@link #isPresent()}). */
    public In optional(String name) {
        if (!isPresent() || !node.isObject()) throw bad(path, "expected an object, got " + describe(node));
        return new In(node.get(name), path + "." + name);
    }

    /** Element i of this array. */
    public In at(int i) {
        return new In(node.get(i), path + "[" + i + "]");
    }

    /** The length of this array. */
    public int length() {
        if (!isPresent() || !node.isArray()) throw bad(path, "expected an array, got " + describe(node));
        return node.size();
    }

    /** The length of this array, which must be {@code expected}. */
    public int length(int expected, String why) {
        int n = length();
        if (n != expected) throw bad(path, "expected " + expected + " elements (" + why + "), got " + n);
        return n;
    }

    public double number() {
        if (!isPresent() || !node.isNumber()) throw bad(path, "expected a number, got " + describe(node));
        double v = node.asDouble();
        if (!Double.isFinite(v)) throw bad(path, "expected a finite number, got " + node);
        return v;
    }

    public int integer() {
        if (!isPresent() || !node.isNumber()) throw bad(path, "expected an integer, got " + describe(node));
        double v = node.asDouble();
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw bad(path, "expected an integer, got " + node);
        }
        return (int) v;
    }

    /** An integer of at least {@code min}. */
    public int integer(int min) {
        int v = integer();
        if (v < min) throw bad(path, "expected an integer of at least " + min + ", got " + v);
        return v;
    }

    public boolean bool() {
        if (!isPresent() || !node.isBoolean()) throw bad(path, "expected true or false, got " + describe(node));
        return node.booleanValue();
    }

    public String string() {
        if (!isPresent() || !node.isTextual()) throw bad(path, "expected a string, got " + describe(node));
        return node.textValue();
    }

    /** An array of numbers. */
    public double[] doubles() {
        int n = length();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = at(i).number();
        return out;
    }

    /** An array of exactly {@code n} numbers. */
    public double[] doubles(int n, String why) {
        length(n, why);
        return doubles();
    }

    /** An array of integers. */
    public int[] ints() {
        int n = length();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = at(i).integer();
        return out;
    }

    /** An array of {@code rows} arrays of {@code cols} numbers each, row-major ({@code rows < 0}: any number). */
    public double[] matrix(int rows, int cols, String why) {
        int r = rows < 0 ? length() : length(rows, why);
        double[] out = new double[r * cols];
        for (int i = 0; i < r; i++) {
            double[] row = at(i).doubles(cols, why);
            System.arraycopy(row, 0, out, i * cols, cols);
        }
        return out;
    }

    /** The number of columns of an array of equal-length arrays (its first row's length; 0 if it has no rows). */
    public int columns() {
        return length() == 0 ? 0 : at(0).length();
    }

    /** The names of this object's fields, for messages. */
    public String fieldNames() {
        StringBuilder sb = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            sb.append(sb.length() == 0 ? "" : ", ").append(it.next().getKey());
        }
        return sb.toString();
    }

    /** A BadMessage about this value. */
    public BadMessage bad(String what) {
        return bad(path, what);
    }

    static BadMessage bad(String path, String what) {
        return new BadMessage(path + ": " + what);
    }

    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) return "nothing";
        if (n.isNull()) return "null";
        if (n.isArray()) return "an array";
        if (n.isObject()) return "an object";
        if (n.isTextual()) return "a string";
        if (n.isBoolean()) return "a boolean";
        if (n.isNumber()) return "the number " + n;
        return n.getNodeType().toString().toLowerCase();
    }
}
