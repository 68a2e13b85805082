package dev.cotangent.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Reductions over any set of axes, with and without keepDims, as properties against a naive reference
 * that walks every input multi-index and accumulates into the output index it maps to; plus fixed cases
 * for the numerically delicate ones (logsumexp at ±1000, NaN, empty axes).
 */
class ReducePropertiesTest {

    @Provide
    Arbitrary<List<Integer>> dims() {
        return Arbitraries.integers().between(1, 4).list().ofMaxSize(4);
    }

    /** The output dims of reducing {@code axes} (a bit mask) of {@code dims}. */
    static int[] reducedDims(int[] dims, boolean[] red, boolean keepDims) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < dims.length; i++) {
            if (!red[i]) out.add(dims[i]);
            else if (keepDims) out.add(1);
        }
        return Ref.ints(out);
    }

    /** Folds every input element into its output slot, in row-major order, from {@code init}. */
    static double[] naive(double[] x, int[] dims, boolean[] red, double init, DoubleBinaryOperator f) {
        int[] od = reducedDims(dims, red, true);
        double[] out = new double[Ref.size(od)];
        Arrays.fill(out, init);
        for (int i = 0; i < x.length; i++) {
            int[] idx = Ref.unravel(i, dims);
            for (int d = 0; d < dims.length; d++) if (red[d]) idx[d] = 0;
            int o = Ref.ravel(idx, od);
            out[o] = f.applyAsDouble(out[o], x[i]);
        }
        return out;
    }

    static boolean[] mask(int rank, int bits) {
        boolean[] red = new boolean[rank];
        for (int i = 0; i < rank; i++) red[i] = (bits >> i & 1) != 0;
        return red;
    }

    /**
     * The axes argument for a mask, in a scrambled order and sometimes negative, as a caller may pass it;
     * null when no axis is chosen (which the API reads as "every axis").
     */
    static int[] axesArg(boolean[] red, long seed) {
        List<Integer> ax = new ArrayList<>();
        Random rnd = new Random(seed);
        for (int i = 0; i < red.length; i++) if (red[i]) ax.add(rnd.nextBoolean() ? i : i - red.length);
        java.util.Collections.shuffle(ax, rnd);
        return ax.isEmpty() ? new int[0] : Ref.ints(ax);
    }

    @Property(tries = 200)
    void sumMeanProdMaxMinMatchTheNaiveLoop(@ForAll("dims") List<Integer> dimList, @ForAll @IntRange(max = 15) int bits,
                                            @ForAll boolean keepDims, @ForAll boolean smallInts, @ForAll long seed) {
        int[] dims = Ref.ints(dimList);
        boolean[] red = mask(dims.length, bits);
        int[] axes = axesArg(red, seed);
        if (axes.length == 0) Arrays.fill(red, true); // no axes given means every axis
        double[] x = Ref.values(new Random(seed), Ref.size(dims), smallInts);
        NDArray a = NDArray.of(Shape.of(dims), x);
        int[] expectDims = reducedDims(dims, red, keepDims);
        int count = 1;
        for (int i = 0; i < dims.length; i++) if (red[i]) count *= dims[i];
        String what = Shape.of(dims) + " over " + Arrays.toString(axes) + (keepDims ? " keepDims" : "");

        NDArray sum = a.sum(keepDims, axes);
        assertArrayEquals(expectDims, sum.shape(), "sum " + what);
        Ref.assertClose(naive(x, dims, red, 0, Double::sum), sum.toArray(), 1e-13, "sum " + what);

        double[] mean = naive(x, dims, red, 0, Double::sum);
        for (int i = 0; i < mean.length; i++) mean[i] /= count;
        NDArray m = a.mean(keepDims, axes);
        assertArrayEquals(expectDims, m.shape(), "mean " + what);
        Ref.assertClose(mean, m.toArray(), 1e-13, "mean " + what);

        Ref.assertClose(naive(x, dims, red, 1, (p, v) -> p * v), a.prod(keepDims, axes).toArray(), 1e-13, "prod " + what);
        Ref.assertSame(naive(x, dims, red, Double.NEGATIVE_INFINITY, (p, v) -> v > p ? v : p),
                a.max(keepDims, axes).toArray(), "max " + what);
        Ref.assertSame(naive(x, dims, red, Double.POSITIVE_INFINITY, (p, v) -> v < p ? v : p),
                a.min(keepDims, axes).toArray(), "min " + what);
        if (!keepDims) Ref.assertClose(naive(x, dims, red, 0, Double::sum), a.sum(axes).toArray(), 1e-13, "sum() " + what);
    }

    @Property(tries = 200)
    void logsumexpMatchesLogOfSumOfExp(@ForAll("dims") List<Integer> dimList, @ForAll @IntRange(max = 15) int bits,
                                       @ForAll boolean keepDims, @ForAll @IntRange(min = -700, max = 700) int shift,
                                       @ForAll long seed) {
        int[] dims = Ref.ints(dimList);
        boolean[] red = mask(dims.length, bits);
        int[] axes = axesArg(red, seed);
        if (axes.length == 0) Arrays.fill(red, true);
        double[] x = Ref.values(new Random(seed), Ref.size(dims), false);
        // naive log Σ exp on values in [-4, 4] is accurate; logsumexp(x + c) = logsumexp(x) + c
        double[] expected = naive(x, dims, red, 0, (s, v) -> s + Math.exp(v));
        for (int i = 0; i < expected.length; i++) expected[i] = Math.log(expected[i]) + shift;
        double[] shifted = x.clone();
        for (int i = 0; i < shifted.length; i++) shifted[i] += shift;
        NDArray r = NDArray.of(Shape.of(dims), shifted).logsumexp(keepDims, axes);
        assertArrayEquals(reducedDims(dims, red, keepDims), r.shape());
        Ref.assertClose(expected, r.toArray(), 1e-12, "logsumexp " + Shape.of(dims) + " " + Arrays.toString(axes));
    }

    @Property(tries = 200)
    void argmaxIsTheFirstLargestAlongTheAxis(@ForAll("dims") List<Integer> dimList, @ForAll @IntRange(max = 3) int axisPick,
                                             @ForAll boolean negative, @ForAll long seed) {
        int[] dims = Ref.ints(dimList);
        if (dims.length == 0) return;
        int axis = axisPick % dims.length;
        double[] x = Ref.values(new Random(seed), Ref.size(dims), true); // small integers: many ties
        NDArray r = NDArray.of(Shape.of(dims), x).argmax(negative ? axis - dims.length : axis);
        boolean[] red = new boolean[dims.length];
        red[axis] = true;
        int[] od = reducedDims(dims, red, false);
        assertArrayEquals(od, r.shape());
        double[] expected = new double[Ref.size(od)];
        for (int o = 0; o < expected.length; o++) {
            int[] oi = Ref.unravel(o, od);
            int[] idx = new int[dims.length];
            for (int d = 0, j = 0; d < dims.length; d++) idx[d] = d == axis ? 0 : oi[j++];
            int best = 0;
            double bv = x[Ref.ravel(idx, dims)];
            for (int k = 1; k < dims[axis]; k++) {
                idx[axis] = k;
                double v = x[Ref.ravel(idx, dims)];
                if (v > bv) {
                    bv = v;
                    best = k;
                }
            }
            expected[o] = best;
        }
        Ref.assertSame(expected, r.toArray(), "argmax axis " + axis + " of " + Shape.of(dims));
    }

    // ---------------------------------------------------------------- fixed cases

    @Test
    void logsumexpIsStableAtLargeMagnitudes() {
        double ln2 = 0.6931471805599453;
        assertEquals(1000 + ln2, NDArray.of(1000, 1000).logsumexp(false).item(), 1e-12);
        assertEquals(-1000 + ln2, NDArray.of(-1000, -1000).logsumexp(false).item(), 1e-12);
        // per row and per column, both code paths (trailing axis and leading axis)
        NDArray m = NDArray.of(new double[][] {{1000, 1000}, {-1000, -1000}});
        Ref.assertClose(new double[] {1000 + ln2, -1000 + ln2}, m.logsumexp(false, 1).toArray(), 1e-15, "rows");
        Ref.assertClose(new double[] {1000, 1000}, m.logsumexp(false, 0).toArray(), 1e-15, "cols");
        Ref.assertClose(new double[] {1000 + ln2, -1000 + ln2}, m.transpose().logsumexp(false, 0).toArray(), 1e-15, "cols2");
    }

    @Test
    void logsumexpOfInfinitiesAndNaN() {
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(inf, NDArray.of(inf, 1).logsumexp(false).item());
        assertEquals(-inf, NDArray.of(-inf, -inf).logsumexp(false).item());
        assertTrue(Double.isNaN(NDArray.of(1, Double.NaN).logsumexp(false).item()));
        NDArray m = NDArray.of(new double[][] {{inf, 1}, {-inf, -inf}, {Double.NaN, 0}});
        Ref.assertSame(new double[] {inf, -inf, Double.NaN}, m.transpose().logsumexp(false, 0).toArray(), "leading axis");
        Ref.assertSame(new double[] {inf, -inf, Double.NaN}, m.logsumexp(false, 1).toArray(), "trailing axis");
    }

    @Test
    void maxAndMinPropagateNaN() {
        NDArray a = NDArray.of(new double[][] {{1, Double.NaN, 3}, {4, 5, 6}});
        Ref.assertSame(new double[] {Double.NaN, 6}, a.max(false, 1).toArray(), "max rows");
        Ref.assertSame(new double[] {4, Double.NaN, 6}, a.max(false, 0).toArray(), "max cols");
        Ref.assertSame(new double[] {Double.NaN, 4}, a.min(false, 1).toArray(), "min rows");
        assertTrue(Double.isNaN(a.max(false).item()));
        assertEquals(1, NDArray.of(3, Double.NaN, 7, Double.NaN).argmax(), "argmax: first NaN wins, like NumPy");
    }

    @Test
    void reductionsOverEmptyAxesGiveTheIdentity() {
        NDArray e = NDArray.zeros(3, 0);
        Ref.assertSame(new double[] {0, 0, 0}, e.sum(false, 1).toArray(), "sum");
        Ref.assertSame(new double[] {1, 1, 1}, e.prod(false, 1).toArray(), "prod");
        double ninf = Double.NEGATIVE_INFINITY;
        Ref.assertSame(new double[] {ninf, ninf, ninf}, e.logsumexp(false, 1).toArray(), "logsumexp");
        Ref.assertSame(new double[0], e.sum(false, 0).toArray(), "sum over the non-empty axis");
        assertEquals(0.0, e.sum().item());
        assertTrue(Double.isNaN(e.mean(false).item()), "mean of nothing is nan, like NumPy");
    }

    @Test
    void maxOverAnEmptyAxisWithEmptyResultIsEmpty() {
        // NumPy: np.zeros((0, 3)).max(axis=1) -> array([]) ; only a reduction that must produce a value fails
        Ref.assertShape(NDArray.zeros(0, 3).max(false, 1), 0);
        Ref.assertShape(NDArray.zeros(0, 3).min(true, 1), 0, 1);
    }

    @Test
    void reductionsOfAScalar() {
        NDArray s = NDArray.scalar(2.5);
        assertEquals(2.5, s.sum().item());
        assertEquals(2.5, s.mean(false).item());
        assertEquals(2.5, s.max(true).item());
        Ref.assertShape(s.sum(true), new int[0]);
    }

    @Test
    void keepDimsResultBroadcastsBackAgainstTheInput() {
        NDArray x = NDArray.of(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        NDArray centred = x.sub(x.mean(true, 1));
        Ref.assertSame(new double[] {-1, 0, 1, -1, 0, 1}, centred.toArray(), "x - mean(x, 1, keepDims)");
        NDArray softmaxDen = x.sub(x.logsumexp(true, -1)).exp().sum(false, -1);
        Ref.assertClose(new double[] {1, 1}, softmaxDen.toArray(), 1e-15, "softmax rows sum to 1");
    }
}
