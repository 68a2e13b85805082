package dev.cotangent.sparse;

import dev.cotangent.primitive.BroadcastTo;
import dev.cotangent.primitive.Concat;
import dev.cotangent.primitive.Elementwise;
import dev.cotangent.primitive.IndexAdd;
import dev.cotangent.primitive.MatMul;
import dev.cotangent.primitive.Mul;
import dev.cotangent.primitive.Pad;
import dev.cotangent.primitive.Primitive;
import dev.cotangent.primitive.Reduction;
import dev.cotangent.primitive.Reshape;
import dev.cotangent.primitive.SinCos;
import dev.cotangent.primitive.Slice;
import dev.cotangent.primitive.Take;
import dev.cotangent.primitive.Transpose;
import dev.cotangent.primitive.Where;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * The dependency rule of each primitive: given the input-element sets of every operand element, the sets of
 * every result element. One rule per family of the registry:
 * <ul>
 *   <li>zero derivative ({@code differentiable() == false}: comparisons, sign, floor, argmax, stopGradient): ∅;</li>
 *   <li>elementwise with broadcasting: the union over the operands at the broadcast index; {@code mul} by a
 *       constant that is exactly 0 there gives ∅; {@code where} takes nothing from its condition, and only the
 *       branch chosen when the condition is a constant; {@code sincos}: both results as the operand;</li>
 *   <li>reductions (sum, prod, max, min, logsumexp): the union over the reduced elements (max and min are
 *       conservative: their derivative reaches only the extremal elements, which depend on values);</li>
 *   <li>moves (broadcast, reshape, transpose, slice, pad, take, concat): each result element is one operand
 *       element or a zero, found by running the primitive itself on arrays of element numbers;
 *       {@code index_add}: the union of the operand elements sent to each result element;</li>
 *   <li>{@code matmul}: C[i,j] from row i of op(A) and column j of op(B), skipping a term whose other factor is
 *       a constant 0 (so a constant sparse matrix times x gives its own pattern);</li>
 *   <li>any other primitive (a decomposition, a checkpoint, a custom rule, a primitive added later): every
 *       result element depends on every operand element, which is always safe.</li>
 * </ul>
 */
final class DependencyRules {
    private DependencyRules() {}

    /** Whether {@code p} has a rule of its own here (false: the dense rule, every result on every operand). */
    static boolean specific(Primitive p) {
        return !p.differentiable() || p instanceof SinCos || p instanceof Elementwise || p instanceof Reduction
                || gathers(p) || p instanceof Concat || p instanceof IndexAdd || p instanceof MatMul;
    }

    private static boolean gathers(Primitive p) {
        return p instanceof BroadcastTo || p instanceof Reshape || p instanceof Transpose || p instanceof Slice
                || p instanceof Pad || p instanceof Take;
    }

    /** The sets of each result's elements. {@code constants[i]} is operand i's value when it is a constant. */
    static int[][][] apply(Primitive p, int[][][] in, Shape[] inShapes, NDArray[] constants, Shape[] out, Sets sets) {
        if (!p.differentiable()) {
            int[][][] r = new int[out.length][][];
            for (int k = 0; k < out.length; k++) r[k] = Sets.empties(out[k].size());
            return r;
        }
        if (p instanceof SinCos) return new int[][][] {in[0], in[0]};
        if (p instanceof Elementwise) return one(elementwise(p, in, inShapes, constants, out[0], sets));
        if (p instanceof Reduction) return one(Moves.reduction((Reduction) p, in[0], inShapes[0], out[0], sets));
        if (gathers(p)) return one(Moves.gather(p, in[0], inShapes[0]));
        if (p instanceof Concat) return one(Moves.concat((Concat) p, in, inShapes));
        if (p instanceof IndexAdd) return one(Moves.indexAdd((IndexAdd) p, in[0], inShapes[0], out[0], sets));
        if (p instanceof MatMul) return one(Products.matmul((MatMul) p, in, inShapes, constants, out[0], sets));
        return dense(in, out, sets);
    }

    private static int[][][] one(int[][] r) {
        return new int[][][] {r};
    }

    /** Every result element on every operand element. */
    private static int[][][] dense(int[][][] in, Shape[] out, Sets sets) {
        sets.begin();
        for (int[][] operand : in) for (int[] s : operand) sets.add(s);
        int[] u = sets.end();
        int[][][] r = new int[out.length][][];
        for (int k = 0; k < out.length; k++) {
            r[k] = new int[out[k].size()][];
            java.util.Arrays.fill(r[k], u);
        }
        return r;
    }

    private static int[][] elementwise(Primitive p, int[][][] in, Shape[] inShapes, NDArray[] constants, Shape out,
                                       Sets sets) {
        int size = out.size();
        int[][] maps = new int[in.length][];
        for (int i = 0; i < in.length; i++) maps[i] = inShapes[i].equals(out) ? null : Moves.broadcastMap(inShapes[i], out);
        int first = p instanceof Where ? 1 : 0;
        double[] cond = p instanceof Where && constants[0] != null ? constants[0].unsafeData() : null;
        double[][] zeros = new double[in.length][];
        if (p instanceof Mul) {
            for (int i = 0; i < 2; i++) if (constants[i] != null) zeros[i] = constants[i].unsafeData();
        }
        // the operands that can contribute: not the condition of where, and not a constant (whose sets are empty)
        int live = 0;
        int only = -1;
        for (int i = first; i < in.length; i++) {
            if (constants[i] == null) {
                live++;
                only = i;
            }
        }
        boolean maskedByZero = p instanceof Mul && (zeros[0] != null || zeros[1] != null);
        if (live == 0) return Sets.empties(size);
        if (live == 1 && maps[only] == null && cond == null && !maskedByZero) return in[only];
        int[][] r = new int[size][];
        for (int e = 0; e < size; e++) {
            if (maskedByZero && isZeroFactor(zeros, maps, e)) {
                r[e] = Sets.EMPTY;
                continue;
            }
            if (cond != null) {
                int c = maps[0] == null ? e : maps[0][e];
                int branch = cond[c] != 0 ? 1 : 2;
                r[e] = in[branch][maps[branch] == null ? e : maps[branch][e]];
                continue;
            }
            if (live == 1) {
                r[e] = in[only][maps[only] == null ? e : maps[only][e]];
                continue;
            }
            sets.begin();
            for (int i = first; i < in.length; i++) sets.add(in[i][maps[i] == null ? e : maps[i][e]]);
            r[e] = sets.end();
        }
        return r;
    }

    /** Whether a constant factor of a product is exactly 0 (either sign) at result element e. */
    private static boolean isZeroFactor(double[][] zeros, int[][] maps, int e) {
        for (int i = 0; i < 2; i++) {
            if (zeros[i] != null && zeros[i][maps[i] == null ? e : maps[i][e]] == 0.0) return true;
        }
        return false;
    }
}
