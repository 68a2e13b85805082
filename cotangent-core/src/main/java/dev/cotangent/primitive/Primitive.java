package dev.cotangent.primitive;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A differentiable operation of the closed set every trace understands: its implementation on arrays, its
 * shape rule, and its derivative and batching rules side by side. A primitive has {@link #arity()} operands and
 * {@link #results()} results (one for nearly all; a decomposition such as eigh has two).
 *
 * <ul>
 *   <li>JVP (forward): given primals x, tangents ẋ and the results y = f(x), return ẏ_j = ∂f_j(x)·ẋ for
 *       each result j.</li>
 *   <li>VJP (reverse): given a cotangent ȳ_j per result, return x̄_i = Σ_j ∂_i f_j(x)ᵀ ȳ_j for each operand
 *       that needs one.</li>
 * </ul>
 * Both rules are written with {@link dev.cotangent.Ops} on {@link Tensor}s, never with kernels, so the traces
 * of outer transforms see the derivative computation and higher-order derivatives come free. {@code null}
 * stands for a symbolic zero tangent or cotangent. Instances are immutable; parameters (axes, shapes, flags)
 * are fields, listed by {@link #params()}.
 *
 * <p>Most primitives have one result and implement {@link OneResult}, whose single-result methods fill in the
 * general ones here; the traits {@link Elementwise}, {@link Linear}, {@link Bilinear} and
 * {@link ZeroDerivative} supply whole rules, and {@link Named} supplies equality and printing from the name
 * and parameters. Start with {@code Sin} (a {@link Unary}) to see the smallest complete primitive.
 */
public interface Primitive {

    /** The name used in messages and graph listings, e.g. {@code mul}. */
    String name();

    /** The number of operands. */
    int arity();

    /** The number of results. */
    default int results() {
        return 1;
    }

    /** The shape of each result for operands of these shapes; throws naming the op and the shapes if invalid. */
    Shape[] shapes(Shape... in);

    /** The implementation on concrete arrays: one array per result. */
    NDArray[] applyAll(NDArray... in);

    /**
     * The JVP rule. {@code tangents[i] == null} means a zero tangent (at least one is not null). Returns a
     * tangent per result, each of its result's shape or {@code null} where it is zero.
     */
    Tensor[] jvpAll(Tensor[] primals, Tensor[] tangents, Tensor[] outs);

    /**
     * The VJP (transpose) rule: given a cotangent per result ({@code null} for zero; at least one is not null),
     * the cotangent of each operand {@code i} with {@code needed[i]}, of that operand's shape; {@code null}
     * entries are zero.
     */
    Tensor[] vjpAll(Tensor[] cotangents, Tensor[] primals, Tensor[] outs, boolean[] needed);

    /**
     * The batching rule (vmap): {@code args[i]} carries a leading batch axis of length {@code size} where
     * {@code batched[i]}, and is the same for every example otherwise; returns every result for every example,
     * each with the batch axis first. Written with ops, so it composes with the other transforms.
     */
    Tensor[] batchAll(Tensor[] args, boolean[] batched, int size);

    /**
     * Whether the VJP rule reads the operands' values (not just their shapes). Reverse mode keeps for the backward
     * sweep only what the rule reads; declare {@code false} where the rule needs shapes only.
     */
    default boolean vjpReadsOperands() {
        return true;
    }

    /** Whether the VJP rule reads the results' values; as {@link #vjpReadsOperands()}. */
    default boolean vjpReadsResult() {
        return true;
    }

    /**
     * Whether the VJP rule, on concrete values, returns new arrays that nothing else holds: made by the rule's own
     * ops, not a cotangent or operand passed on, not a constant the rule keeps. The backward sweep may then add
     * later cotangents into such a result in place instead of copying it first (it still checks that no result is
     * the same array as another, as the cotangent or as an operand). Default {@code false}, always safe.
     */
    default boolean vjpResultsFresh() {
        return false;
    }

    /** False for ops whose derivative is zero everywhere it exists (comparisons, sign, argmax, stopGradient). */
    default boolean differentiable() {
        return true;
    }

    /**
     * True if an infinite derivative is this primitive's documented convention somewhere (sqrt'(0) = +∞): anomaly
     * mode then warns instead of failing when its rule produces ±∞.
     */
    default boolean infiniteDerivativeIsConvention() {
        return false;
    }

    /** Whether swapping the two operands gives the same result (a + b, a·b, max, min): graph passes may reorder. */
    default boolean commutative() {
        return false;
    }

    /**
     * The number e for which p(…, e at {@code operand}, …) is the other operand unchanged (1 for either side of a
     * product, 1 on the right of a quotient, 0 on the right of a difference), if there is one that holds for every
     * value, −0 included: graph passes drop such a node when the shapes agree.
     */
    default OptionalDouble identity(int operand) {
        return OptionalDouble.empty();
    }

    /** The parameters that distinguish this instance (for listings and equality of graph nodes). */
    default Map<String, Object> params() {
        return Map.of();
    }
}
