package dev.cotangent.tensor;

import static dev.cotangent.tensor.Ref.assertShape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Reshape, transpose/permute, squeeze/unsqueeze, slice, take, concat and stack: fixed cases worked out by
 * hand and properties against naive index loops.
 */
class ShapeMovesTest {

    private static NDArray iota(int... dims) {
        int n = Ref.size(dims);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = i;
        return NDArray.of(Shape.of(dims), d);
    }

    @Provide
    Arbitrary<List<Integer>> dims() {
        return Arbitraries.integers().between(1, 4).list().ofMinSize(1).ofMaxSize(4);
    }

    // ---------------------------------------------------------------- reshape

    @Test
    void reshapeKeepsRowMajorOrderAndInfersMinusOne() {
        NDArray a = iota(2, 3, 4);
        NDArray r = a.reshape(4, -1);
        assertShape(r, 4, 6);
        assertEquals(7.0, r.get(1, 1));
        assertShape(a.reshape(-1), 24);
        assertShape(a.reshape(2, -1, 3), 2, 4, 3);
        assertShape(NDArray.scalar(5).reshape(1, 1), 1, 1);
        assertShape(NDArray.of(5).reshape(), new int[0]);
        assertShape(NDArray.zeros(0, 3).reshape(3, 0, 5), 3, 0, 5);
        assertShape(NDArray.zeros(0, 3).reshape(-1, 3), 0, 3);
        Ref.assertSame(a.toArray(), r.toArray(), "same numbers");
    }

    // ---------------------------------------------------------------- transpose / permute

    @Test
    void transposeOfAMatrix() {
        NDArray t = NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).transpose();
        assertShape(t, 3, 2);
        Ref.assertSame(new double[] {1, 4, 2, 5, 3, 6}, t.toArray(), "transpose");
        assertEquals(7.0, NDArray.scalar(7).transpose().item());
        Ref.assertSame(new double[] {1, 2}, NDArray.of(1, 2).transpose().toArray(), "1-d transpose is itself");
    }

    @Property(tries = 100)
    void permuteMovesAxes(@ForAll("dims") List<Integer> dimList, @ForAll long seed) {
        int[] dims = Ref.ints(dimList);
        int r = dims.length;
        List<Integer> perm = new ArrayList<>();
        for (int i = 0; i < r; i++) perm.add(i);
        Collections.shuffle(perm, new Random(seed));
        int[] p = Ref.ints(perm);
        NDArray a = iota(dims);
        NDArray t = a.permute(p);
        int[] outDims = new int[r];
        for (int i = 0; i < r; i++) outDims[i] = dims[p[i]];
        assertArrayEquals(outDims, t.shape());
        double[] out = t.toArray();
        for (int o = 0; o < out.length; o++) {
            int[] oi = Ref.unravel(o, outDims);
            int[] ii = new int[r];
            for (int i = 0; i < r; i++) ii[p[i]] = oi[i];
            assertEquals(Ref.ravel(ii, dims), out[o], "permute " + perm + " of " + Shape.of(dims) + " at " + o);
        }
        // the full reversal is transpose(); permuting with negative axes names the same axes
        int[] neg = new int[r];
        for (int i = 0; i < r; i++) neg[i] = p[i] - r;
        Ref.assertSame(out, a.permute(neg).toArray(), "negative axes");
    }

    // ---------------------------------------------------------------- squeeze / unsqueeze

    @Test
    void squeezeAndUnsqueeze() {
        NDArray a = iota(1, 3, 1, 2);
        assertShape(a.squeeze(), 3, 2);
        assertShape(a.squeeze(0), 3, 1, 2);
        assertShape(a.squeeze(-2), 1, 3, 2);
        assertShape(NDArray.ones(1, 1).squeeze(), new int[0]);
        NDArray v = iota(3);
        assertShape(v.unsqueeze(0), 1, 3);
        assertShape(v.unsqueeze(1), 3, 1);
        assertShape(v.unsqueeze(-1), 3, 1);
        assertShape(v.unsqueeze(-2), 1, 3);
        assertShape(NDArray.scalar(1).unsqueeze(0), 1);
        Ref.assertSame(new double[] {0, 1, 2}, v.unsqueeze(1).toArray(), "values kept");
    }

    // ---------------------------------------------------------------- slice

    @Test
    void sliceOneAxisAndABox() {
        NDArray a = iota(3, 4);
        Ref.assertSame(new double[] {1, 2, 5, 6, 9, 10}, a.slice(1, 1, 3).toArray(), "columns 1..3");
        Ref.assertSame(new double[] {8, 9, 10, 11}, a.slice(0, -1, 3).toArray(), "last row, negative start");
        Ref.assertSame(new double[] {4, 5, 6}, a.slice(0, 1, -1).slice(-1, 0, -1).toArray(), "negative end");
        assertShape(a.slice(1, 2, 2), 3, 0);
        NDArray box = a.slice(new int[] {1, 1}, new int[] {3, 3});
        assertShape(box, 2, 2);
        Ref.assertSame(new double[] {5, 6, 9, 10}, box.toArray(), "box");
    }

    @Property(tries = 100)
    void sliceMatchesNaiveIndexing(@ForAll("dims") List<Integer> dimList, @ForAll @IntRange(max = 3) int axisPick,
                                   @ForAll @IntRange(max = 4) int s, @ForAll @IntRange(max = 4) int len) {
        int[] dims = Ref.ints(dimList);
        int axis = axisPick % dims.length;
        int start = Math.min(s, dims[axis]);
        int end = Math.min(start + len, dims[axis]);
        NDArray r = iota(dims).slice(axis, start, end);
        int[] od = dims.clone();
        od[axis] = end - start;
        assertArrayEquals(od, r.shape());
        double[] out = r.toArray();
        for (int o = 0; o < out.length; o++) {
            int[] idx = Ref.unravel(o, od);
            idx[axis] += start;
            assertEquals(Ref.ravel(idx, dims), out[o]);
        }
    }

    // ---------------------------------------------------------------- take

    @Test
    void takeRepeatsAndCountsNegativeIndicesFromTheEnd() {
        NDArray a = iota(3, 4);
        NDArray rows = a.take(new int[] {2, 0, 2}, 0);
        assertShape(rows, 3, 4);
        Ref.assertSame(new double[] {8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11}, rows.toArray(), "rows");
        NDArray cols = a.take(new int[] {-1, 1}, -1);
        assertShape(cols, 3, 2);
        Ref.assertSame(new double[] {3, 1, 7, 5, 11, 9}, cols.toArray(), "cols");
        assertShape(a.take(new int[0], 1), 3, 0);
    }

    @Property(tries = 100)
    void takeMatchesNaiveIndexing(@ForAll("dims") List<Integer> dimList, @ForAll @IntRange(max = 3) int axisPick,
                                  @ForAll long seed) {
        int[] dims = Ref.ints(dimList);
        int axis = axisPick % dims.length;
        Random rnd = new Random(seed);
        int[] ind = new int[rnd.nextInt(5)];
        for (int i = 0; i < ind.length; i++) ind[i] = rnd.nextInt(2 * dims[axis]) - dims[axis];
        NDArray r = iota(dims).take(ind, axis);
        int[] od = dims.clone();
        od[axis] = ind.length;
        assertArrayEquals(od, r.shape());
        double[] out = r.toArray();
        for (int o = 0; o < out.length; o++) {
            int[] idx = Ref.unravel(o, od);
            int k = ind[idx[axis]];
            idx[axis] = k < 0 ? k + dims[axis] : k;
            assertEquals(Ref.ravel(idx, dims), out[o]);
        }
    }

    // ---------------------------------------------------------------- concat / stack

    @Test
    void concatAlongEachAxis() {
        NDArray a = NDArray.of(new double[][] {{1, 2}, {3, 4}});
        NDArray b = NDArray.of(new double[][] {{5, 6}});
        NDArray c0 = NDArray.concat(0, a, b);
        assertShape(c0, 3, 2);
        Ref.assertSame(new double[] {1, 2, 3, 4, 5, 6}, c0.toArray(), "axis 0");
        NDArray c1 = NDArray.concat(-1, a, NDArray.of(new double[][] {{7}, {8}}), a);
        assertShape(c1, 2, 5);
        Ref.assertSame(new double[] {1, 2, 7, 1, 2, 3, 4, 8, 3, 4}, c1.toArray(), "axis 1");
        assertShape(NDArray.concat(0, NDArray.zeros(0, 2), a), 2, 2);
    }

    @Property(tries = 100)
    void concatMatchesNaiveIndexing(@ForAll("dims") List<Integer> dimList, @ForAll @IntRange(max = 3) int axisPick,
                                    @ForAll @IntRange(max = 3) int extra) {
        int[] dims = Ref.ints(dimList);
        int axis = axisPick % dims.length;
        int[] d2 = dims.clone();
        d2[axis] = extra;
        NDArray a = iota(dims);
        NDArray b = iota(d2).neg().sub(NDArray.scalar(1)); // -1, -2, ...: distinct from a's values
        NDArray c = NDArray.concat(axis, a, b);
        int[] od = dims.clone();
        od[axis] += extra;
        assertArrayEquals(od, c.shape());
        double[] out = c.toArray();
        for (int o = 0; o < out.length; o++) {
            int[] idx = Ref.unravel(o, od);
            double expected;
            if (idx[axis] < dims[axis]) {
                expected = Ref.ravel(idx, dims);
            } else {
                idx[axis] -= dims[axis];
                expected = -Ref.ravel(idx, d2) - 1;
            }
            assertEquals(expected, out[o]);
        }
    }

    @Test
    void stackAddsANewAxis() {
        NDArray a = NDArray.of(1, 2, 3);
        NDArray b = NDArray.of(4, 5, 6);
        NDArray s0 = NDArray.stack(0, a, b);
        assertShape(s0, 2, 3);
        Ref.assertSame(new double[] {1, 2, 3, 4, 5, 6}, s0.toArray(), "axis 0");
        NDArray s1 = NDArray.stack(1, a, b);
        assertShape(s1, 3, 2);
        Ref.assertSame(new double[] {1, 4, 2, 5, 3, 6}, s1.toArray(), "axis 1");
        Ref.assertSame(s1.toArray(), NDArray.stack(-1, a, b).toArray(), "axis -1");
        NDArray sc = NDArray.stack(0, NDArray.scalar(1), NDArray.scalar(2));
        assertShape(sc, 2);
    }

    @Test
    void shapeMovesNeverChangeTheirInput() {
        double[] values = {0, 1, 2, 3, 4, 5};
        NDArray a = NDArray.of(Shape.of(2, 3), values);
        a.reshape(3, 2);
        a.transpose();
        a.slice(1, 0, 2);
        a.take(new int[] {1}, 0);
        a.broadcastTo(4, 2, 3);
        NDArray.concat(0, a, a);
        Ref.assertSame(values, a.toArray(), "unchanged");
        assertShape(a, 2, 3);
    }

    @Test
    void largeTransposesAgreeWithANaiveLoop() {
        // sizes that are not multiples of a cache line, a single row or column
        int[][] sizes = {{100, 70}, {37, 1000}, {1, 65}, {64, 33}, {300, 1}};
        for (int[] rc : sizes) {
            int rows = rc[0];
            int cols = rc[1];
            NDArray x = iota(rows, cols);
            double[] t = x.transpose().unsafeData();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) assertEquals(i * cols + j, t[j * rows + i], rows + "x" + cols + " at " + i + "," + j);
            }
            // a column slice starts inside the array: the transpose reads from an offset with a row stride
            if (cols > 2) {
                double[] ts = x.slice(1, 1, cols - 1).transpose().unsafeData();
                for (int i = 0; i < rows; i++) {
                    for (int j = 1; j < cols - 1; j++) assertEquals(i * cols + j, ts[(j - 1) * rows + i]);
                }
            }
        }
    }
}
