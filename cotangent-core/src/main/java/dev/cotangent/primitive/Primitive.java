package dev.cotangent.primitive;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Map;

/**
 * A differentiable operation of the closed set every trace understands: its implementation on arrays, its
 * shape rule, and its two derivative rules side by side.
 *
 * <ul>
 *   <li>JVP (forward): given primals x, tangents ẋ and the output y = f(x), return ẏ = ∂f(x)·ẋ.</li>
 *   <li>VJP (reverse): given a cotangent ȳ, return x̄_i = ∂_i f(x)ᵀ ȳ for each input that needs one.</li>
 * </ul>
 * Both rules are written with {@link dev.cotangent.Ops} on {@link Tensor}s, never with kernels, so the
 * traces of outer transforms see the derivative computation and higher-order derivatives come free.
 * {@code null} stands for a symbolic zero tangent or cotangent. Instances are immutable; parameters (axes,
 * shapes, flags) are fields.
 */
public abstract class Primitive {

    /** The name used in messages and graph listings, e.g. {@code mul}. */
    public abstract String name();

    /** The number of operands. */
    public abstract int arity();

    /** The shape of the result for operands of these shapes; throws naming the op and the shapes if invalid. */
    public abstract Shape shape(Shape... in);

    /** The implementation on concrete arrays. */
    public abstract NDArray apply(NDArray... in);

    /**
     * The JVP rule. {@code tangents[i] == null} means a zero tangent. Returns the output tangent with the
     * output's shape, or {@code null} if it is zero.
     */
    public abstract Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out);

    /**
     * The VJP (transpose) rule: the cotangent of each operand {@code i} with {@code needed[i]}, of that
     * operand's shape; {@code null} entries are zero.
     */
    public abstract Tensor[] vjp(Tensor cotangent, Tensor[] primals, Tensor out, boolean[] needed);

    /**
     * The batching rule (vmap): {@code args[i]} carries a leading batch axis of length {@code size} where
     * {@code batched[i]}, and is the same for every example otherwise; returns the result for every example, with
     * the batch axis first. Written with ops, so it composes with the other transforms.
     */
    public abstract Tensor batch(Tensor[] args, boolean[] batched, int size);

    /**
     * Whether the VJP rule reads the operands' values (not just their shapes). Reverse mode keeps for the backward
     * sweep only what the rule reads; declare {@code false} where the rule needs shapes only.
     */
    public boolean vjpReadsOperands() {
        return true;
    }

    /** Whether the VJP rule reads the result's value; as {@link #vjpReadsOperands()}. */
    public boolean vjpReadsResult() {
        return true;
    }

    /** False for ops whose derivative is zero everywhere it exists (comparisons, sign, argmax, stopGradient). */
    public boolean differentiable() {
        return true;
    }

    /**
     * True if an infinite derivative is this primitive's documented convention somewhere (sqrt'(0) = +∞): anomaly
     * mode then warns instead of failing when its rule produces ±∞.
     */
    public boolean infiniteDerivativeIsConvention() {
        return false;
    }

    /** The parameters that distinguish this instance (for listings and equality of graph nodes). */
    public Map<String, Object> params() {
        return Map.of();
    }

    /** {@code name} with its parameters, e.g. {@code sum[axes=[0], keepDims=false]}. */
    @Override
    public String toString() {
        Map<String, Object> p = params();
        if (p.isEmpty()) return name();
        StringBuilder sb = new StringBuilder(name()).append('[');
        boolean first = true;
        for (Map.Entry<String, Object> e : new java.util.TreeMap<>(p).entrySet()) {
            if (!first) sb.append(", ");
            first = false;
            Object v = e.getValue();
            sb.append(e.getKey()).append('=').append(v instanceof int[] ? java.util.Arrays.toString((int[]) v) : v);
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
            if (!java.util.Objects.deepEquals(a.get(k), b.get(k))) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        return getClass().hashCode() * 31 + params().keySet().hashCode();
    }
}
