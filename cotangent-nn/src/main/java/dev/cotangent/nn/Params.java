package dev.cotangent.nn;

import dev.cotangent.Tensor;
import dev.cotangent.optim.Ravel;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Named parameter trees: a model's weights as an ordered {@code Map<String, Tensor>} whose keys are dotted
 * paths ({@code "layer0.w"}, {@code "block1.theta2"}). This is exactly what {@link
 * dev.cotangent.AD#valueAndGrad(java.util.function.Function, Map)} differentiates, so a gradient is a tree of
 * the same names and shapes. The helpers here build, scope, combine and flatten such trees; every result is a
 * new map in the input's iteration order, and nothing is modified in place.
 */
public final class Params {
    private Params() {}

    /** A tree from alternating names and tensors: {@code Params.of("w", w, "b", b)}. */
    public static Map<String, Tensor> of(Object... namesAndTensors) {
        if (namesAndTensors.length % 2 != 0) {
            throw new IllegalArgumentException("Params.of: " + namesAndTensors.length
                    + " arguments; give name, tensor pairs");
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTensors.length; i += 2) {
            if (!(namesAndTensors[i] instanceof String name) || !(namesAndTensors[i + 1] instanceof Tensor t)) {
                throw new IllegalArgumentException("Params.of: argument " + i + " must be a String name followed by a"
                        + " Tensor");
            }
            put(m, name, t);
        }
        return m;
    }

    /** The tensor named {@code name}, with an error listing the names present when it is missing. */
    public static Tensor get(Map<String, Tensor> params, String name) {
        Tensor t = params.get(name);
        if (t == null) {
            throw new IllegalArgumentException("missing parameter '" + name + "'; the tree has " + params.keySet());
        }
        return t;
    }

    /** Every entry of {@code child} under {@code prefix + "."}, added to {@code into} (a builder step). */
    public static void putAll(Map<String, Tensor> into, String prefix, Map<String, Tensor> child) {
        for (Map.Entry<String, Tensor> e : child.entrySet()) put(into, prefix + "." + e.getKey(), e.getValue());
    }

    /** The subtree under {@code prefix + "."}, with the prefix removed from the names (a module's own view). */
    public static Map<String, Tensor> scope(Map<String, Tensor> params, String prefix) {
        String p = prefix + ".";
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            if (e.getKey().startsWith(p)) m.put(e.getKey().substring(p.length()), e.getValue());
        }
        if (m.isEmpty()) {
            throw new IllegalArgumentException("no parameters under '" + prefix + "'; the tree has " + params.keySet());
        }
        return Collections.unmodifiableMap(m);
    }

    /** The number of scalar parameters. */
    public static int count(Map<String, Tensor> params) {
        return Ravel.count(params);
    }

    /** A one-line-per-tensor table: name, shape, size; then the total. */
    public static String describe(Map<String, Tensor> params) {
        StringBuilder sb = new StringBuilder();
        int w = 4;
        for (String k : params.keySet()) w = Math.max(w, k.length());
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            sb.append(String.format("%-" + w + "s  %-12s %8d%n", e.getKey(), e.getValue().dims(), e.getValue().size()));
        }
        sb.append(String.format("%-" + w + "s  %-12s %8d%n", "total", "", count(params)));
        return sb.toString();
    }

    // ------------------------------------------------------------------ arithmetic on concrete trees

    /** {@code fn} applied to each tensor's numbers. */
    public static Map<String, Tensor> map(Map<String, Tensor> a, UnaryOperator<NDArray> fn) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : a.entrySet()) m.put(e.getKey(), Tensor.from(fn.apply(e.getValue().value())));
        return m;
    }

    /** {@code fn} applied to the tensors of the same name in two trees of the same names and shapes. */
    public static Map<String, Tensor> zip(Map<String, Tensor> a, Map<String, Tensor> b, BinaryOperator<NDArray> fn) {
        requireSameTree(a, b);
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : a.entrySet()) {
            m.put(e.getKey(), Tensor.from(fn.apply(e.getValue().value(), b.get(e.getKey()).value())));
        }
        return m;
    }

    /** {@code y + alpha x}, tensor by tensor. */
    public static Map<String, Tensor> axpy(double alpha, Map<String, Tensor> x, Map<String, Tensor> y) {
        requireSameTree(x, y);
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : y.entrySet()) {
            double[] yd = e.getValue().value().unsafeData();
            double[] xd = x.get(e.getKey()).value().unsafeData();
            double[] r = new double[yd.length];
            for (int i = 0; i < r.length; i++) r[i] = yd[i] + alpha * xd[i];
            m.put(e.getKey(), Tensor.from(NDArray.wrap(e.getValue().dims(), r)));
        }
        return m;
    }

    /** {@code alpha a}. */
    public static Map<String, Tensor> scale(double alpha, Map<String, Tensor> a) {
        return map(a, v -> v.mul(NDArray.scalar(alpha)));
    }

    /** Zeros of each tensor's shape. */
    public static Map<String, Tensor> zerosLike(Map<String, Tensor> a) {
        return map(a, v -> NDArray.zeros(v.shape()));
    }

    /** Σ over all tensors of Σ a·b. */
    public static double dot(Map<String, Tensor> a, Map<String, Tensor> b) {
        requireSameTree(a, b);
        double s = 0;
        for (Map.Entry<String, Tensor> e : a.entrySet()) {
            double[] x = e.getValue().value().unsafeData();
            double[] y = b.get(e.getKey()).value().unsafeData();
            for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        }
        return s;
    }

    /** The Euclidean norm of the whole tree seen as one vector. */
    public static double norm(Map<String, Tensor> a) {
        return Math.sqrt(dot(a, a));
    }

    // ------------------------------------------------------------------ one flat vector

    /** All numbers in one vector, tensors in iteration order, each row-major (cotangent-numerics' {@link Ravel}). */
    public static double[] flatten(Map<String, Tensor> params) {
        return Ravel.flatten(params);
    }

    /** The inverse of {@link #flatten}: {@code flat} cut into the names and shapes of {@code template}. */
    public static Map<String, Tensor> unflatten(double[] flat, Map<String, Tensor> template) {
        return Ravel.unflatten(flat, template);
    }

    /**
     * The differentiable inverse of {@link #flatten}: a 1-d tensor (possibly a tracer) cut with slices and
     * reshapes into the names and shapes of {@code template}. Lets a function of a tree be seen as a function
     * of one vector, e.g. for {@link dev.cotangent.AD#hessian} or {@link dev.cotangent.AD#hvp}.
     */
    public static Map<String, Tensor> unflatten(Tensor flat, Map<String, Tensor> template) {
        return Ravel.unflatten(flat, template);
    }

    /** Throws unless {@code a} and {@code b} have the same names with the same shapes. */
    public static void requireSameTree(Map<String, Tensor> a, Map<String, Tensor> b) {
        if (!a.keySet().equals(b.keySet())) {
            throw new IllegalArgumentException("parameter trees differ: " + a.keySet() + " vs " + b.keySet());
        }
        for (Map.Entry<String, Tensor> e : a.entrySet()) {
            Shape s = b.get(e.getKey()).dims();
            if (!s.equals(e.getValue().dims())) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' has shape " + e.getValue().dims()
                        + " in one tree and " + s + " in the other");
            }
        }
    }

    private static void put(Map<String, Tensor> m, String name, Tensor t) {
        if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be non-empty without spaces");
        }
        if (m.put(name, t) != null) throw new IllegalArgumentException("parameter '" + name + "' given twice");
    }
}
