package dev.cotangent.sparse;

import dev.cotangent.primitive.Concat;
import dev.cotangent.primitive.IndexAdd;
import dev.cotangent.primitive.Primitive;
import dev.cotangent.primitive.Reduction;
import dev.cotangent.primitive.Take;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * Dependency rules of the primitives that move or sum elements without arithmetic on their values (broadcast,
 * reshape, transpose, slice, pad, take, concat, index_add, the reductions). Where each result element comes from
 * is found by running the primitive, or its transpose, on arrays that hold element numbers, so these rules cannot
 * disagree with the primitives' own index arithmetic.
 */
final class Moves {
    private Moves() {}

    /** For each element of {@code to}, the element of {@code from} that broadcasting reads. */
    static int[] broadcastMap(Shape from, Shape to) {
        return ints(numbered(from, 0).broadcastTo(to));
    }

    /** A one-operand move: each result element is one operand element, or a zero (pad). */
    static int[][] gather(Primitive p, int[][] in, Shape inShape) {
        int[] src = ints(p.applyAll(numbered(inShape, 1))[0]);
        int[][] r = new int[src.length][];
        for (int e = 0; e < src.length; e++) r[e] = src[e] == 0 ? Sets.EMPTY : in[src[e] - 1];
        return r;
    }

    /** Concatenation: each result element is one element of one operand. */
    static int[][] concat(Concat p, int[][][] in, Shape[] inShapes) {
        int[] offsets = new int[in.length + 1];
        NDArray[] numbered = new NDArray[in.length];
        for (int i = 0; i < in.length; i++) {
            numbered[i] = numbered(inShapes[i], offsets[i] + 1);
            offsets[i + 1] = offsets[i] + inShapes[i].size();
        }
        int[] src = ints(p.applyAll(numbered)[0]);
        int[][] r = new int[src.length][];
        for (int e = 0; e < src.length; e++) {
            int g = src[e] - 1;
            int i = java.util.Arrays.binarySearch(offsets, g);
            i = i >= 0 ? i : -i - 2;
            while (offsets[i + 1] <= g) i++;          // skip empty operands
            r[e] = in[i][g - offsets[i]];
        }
        return r;
    }

    /** index_add: each operand element is added into one result element, found by its transpose, take. */
    static int[][] indexAdd(IndexAdd p, int[][] in, Shape inShape, Shape out, Sets sets) {
        int[] indices = (int[]) p.params().get("indices");
        int axis = (Integer) p.params().get("axis");
        int[] dest = ints(new Take(indices, axis).apply(numbered(out, 0)));
        return group(in, dest, out.size(), sets);
    }

    /** A reduction: each result element on the operand elements reduced into it. */
    static int[][] reduction(Reduction p, int[][] in, Shape inShape, Shape out, Sets sets) {
        if (out.size() == 1) {
            sets.begin();
            for (int[] s : in) sets.add(s);
            return new int[][] {sets.end()};
        }
        int[] axes = inShape.axes((int[]) p.params().get("axes"), p.name());
        Shape kept = inShape.reduce(axes, true);
        int[] dest = ints(numbered(out, 0).reshape(kept.dims()).broadcastTo(inShape));
        return group(in, dest, out.size(), sets);
    }

    /** For each of {@code size} results, the union of the sets of the operand elements e with dest[e] = it. */
    static int[][] group(int[][] in, int[] dest, int size, Sets sets) {
        int[] start = new int[size + 1];
        for (int d : dest) start[d + 1]++;
        for (int i = 0; i < size; i++) start[i + 1] += start[i];
        int[] order = new int[dest.length];
        int[] fill = java.util.Arrays.copyOf(start, size);
        for (int e = 0; e < dest.length; e++) order[fill[dest[e]]++] = e;
        int[][] r = new int[size][];
        for (int o = 0; o < size; o++) {
            sets.begin();
            for (int k = start[o]; k < start[o + 1]; k++) sets.add(in[order[k]]);
            r[o] = sets.end();
        }
        return r;
    }

    /** An array of {@code shape} holding from, from + 1, ... in row-major order. */
    static NDArray numbered(Shape shape, int from) {
        double[] d = new double[shape.size()];
        for (int i = 0; i < d.length; i++) d[i] = from + i;
        return NDArray.wrap(shape, d);
    }

    /** The values of an array of whole numbers, as ints. */
    static int[] ints(NDArray a) {
        double[] d = a.unsafeData();
        int[] r = new int[d.length];
        for (int i = 0; i < d.length; i++) r[i] = (int) d[i];
        return r;
    }
}
