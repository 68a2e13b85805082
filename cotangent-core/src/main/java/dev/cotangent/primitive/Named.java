package dev.cotangent.primitive;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The identity of a primitive: two are the same operation when they are of one class with equal
 * {@link Primitive#params()}, and one prints as its name with its parameters ({@code sum[axes=[0],
 * keepDims=false]}). Interfaces cannot give {@code equals} and {@code toString}, so every primitive class
 * extends this (directly or through {@link Unary}, {@link Binary}, {@link Reduction}) and takes its rules from
 * the trait interfaces.
 */
public abstract class Named implements Primitive {

    /** {@code name} with its parameters, e.g. {@code sum[axes=[0], keepDims=false]}. */
    @Override
    public String toString() {
        Map<String, Object> p = params();
        if (p.isEmpty()) return name();
        StringBuilder sb = new StringBuilder(name()).append('[');
        boolean first = true;
        for (Map.Entry<String, Object> e : new TreeMap<>(p).entrySet()) {
            if (!first) sb.append(", ");
            first = false;
            Object v = e.getValue();
            sb.append(e.getKey()).append('=').append(v instanceof int[] ? Arrays.toString((int[]) v) : v);
        }
        return sb.append(']').toString();
    }

    /** Same class and same parameters. */
    @Override
    public boolean equals(Object o) {
        if (o == null || o.getClass() != getClass()) return false;
        Map<String, Object> a = params();
        Map<String, Object> b = ((Primitive) o).params();
        if (!a.keySet().equals(b.keySet())) return false;
        for (String k : a.keySet()) {
            if (!Objects.deepEquals(a.get(k), b.get(k))) return false;
        }
        return true;
    }

    /** From the class and every parameter's value (arrays by content). */
    @Override
    public int hashCode() {
        int h = getClass().hashCode();
        for (Map.Entry<String, Object> e : new TreeMap<>(params()).entrySet()) {
            h = h * 31 + e.getKey().hashCode();
            h = h * 31 + Arrays.deepHashCode(new Object[] {e.getValue()});
        }
        return h;
    }
}
