package dev.cotangent.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.cotangent.kernel.BinaryKernel;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * NumPy broadcasting of every binary operation, as properties over random shapes: the result must equal a
 * naive loop over the output index that looks each operand up with size-1 axes pinned to 0.
 */
class BroadcastPropertiesTest {

    /** The reference definition of each operation, written here rather than taken from the kernel. */
    static DoubleBinaryOperator reference(BinaryKernel.Fn fn) {
        switch (fn) {
            case ADD: return (a, b) -> a + b;
            case SUB: return (a, b) -> a - b;
            case MUL: return (a, b) -> a * b;
            case DIV: return (a, b) -> a / b;
            case POW: return Math::pow;
            case MAXIMUM: return (a, b) -> a != a || b != b ? Double.NaN : a >= b ? a : b;
            case MINIMUM: return (a, b) -> a != a || b != b ? Double.NaN : a <= b ? a : b;
            case ATAN2: return Math::atan2;
            case EQ: return (a, b) -> a == b ? 1 : 0;
            case NE: return (a, b) -> a != b ? 1 : 0;
            case LT: return (a, b) -> a < b ? 1 : 0;
            case LE: return (a, b) -> a <= b ? 1 : 0;
            case GT: return (a, b) -> a > b ? 1 : 0;
            case GE: return (a, b) -> a >= b ? 1 : 0;
            default: throw new AssertionError(fn);
        }
    }

    @Provide
    Arbitrary<List<Integer>> outDims() {
        return Arbitraries.integers().between(1, 4).list().ofMaxSize(4);
    }

    /** Operand dims: the last {@code rank - drop} output dims, with the axes picked by {@code mask} set to 1. */
    static int[] operand(int[] out, int drop, int mask) {
        int r = Math.max(0, out.length - drop);
        int[] d = new int[r];
        for (int i = 0; i < r; i++) d[i] = (mask >> i & 1) != 0 ? 1 : out[out.length - r + i];
        return d;
    }

    @Property(tries = 300)
    void binaryOpsBroadcastLikeNumPy(@ForAll("outDims") List<Integer> outList, @ForAll BinaryKernel.Fn fn,
                                     @ForAll @IntRange(max = 4) int dropA, @ForAll @IntRange(max = 15) int maskA,
                                     @ForAll @IntRange(max = 4) int dropB, @ForAll @IntRange(max = 15) int maskB,
                                     @ForAll boolean smallInts, @ForAll long seed) {
        int[] out = Ref.ints(outList);
        int[] da = operand(out, dropA, maskA);
        int[] db = operand(out, dropB, maskB);
        Random rnd = new Random(seed);
        double[] a = Ref.values(rnd, Ref.size(da), smallInts);
        double[] b = Ref.values(rnd, Ref.size(db), smallInts);
        NDArray r = NDArray.of(Shape.of(da), a).zip(fn, NDArray.of(Shape.of(db), b));

        // the result shape is the elementwise max of the right-aligned dims (all non-1 sizes agree here)
        int rank = Math.max(da.length, db.length);
        int[] expectDims = new int[rank];
        for (int i = 0; i < rank; i++) {
            int x = i - (rank - da.length) >= 0 ? da[i - (rank - da.length)] : 1;
            int y = i - (rank - db.length) >= 0 ? db[i - (rank - db.length)] : 1;
            expectDims[i] = Math.max(x, y);
        }
        assertArrayEquals(expectDims, r.shape(), fn + " " + Shape.of(da) + " with " + Shape.of(db));

        DoubleBinaryOperator f = reference(fn);
        double[] expected = new double[Ref.size(expectDims)];
        for (int i = 0; i < expected.length; i++) {
            int[] idx = Ref.unravel(i, expectDims);
            expected[i] = f.applyAsDouble(Ref.broadcastGet(a, da, idx), Ref.broadcastGet(b, db, idx));
        }
        Ref.assertSame(expected, r.toArray(), fn + " " + Shape.of(da) + " with " + Shape.of(db));
    }

    @Property(tries = 100)
    void broadcastToRepeatsAlongSizeOneAxes(@ForAll("outDims") List<Integer> outList,
                                            @ForAll @IntRange(max = 4) int drop, @ForAll @IntRange(max = 15) int mask,
                                            @ForAll long seed) {
        int[] out = Ref.ints(outList);
        int[] d = operand(out, drop, mask);
        double[] a = Ref.values(new Random(seed), Ref.size(d), false);
        NDArray r = NDArray.of(Shape.of(d), a).broadcastTo(out);
        assertArrayEquals(out, r.shape());
        double[] expected = new double[Ref.size(out)];
        for (int i = 0; i < expected.length; i++) expected[i] = Ref.broadcastGet(a, d, Ref.unravel(i, out));
        Ref.assertSame(expected, r.toArray(), "broadcastTo " + Shape.of(d) + " -> " + Shape.of(out));
    }

    @Property(tries = 100)
    void whereBroadcastsItsThreeOperands(@ForAll("outDims") List<Integer> outList,
                                         @ForAll @IntRange(max = 4) int dc, @ForAll @IntRange(max = 15) int mc,
                                         @ForAll @IntRange(max = 4) int da, @ForAll @IntRange(max = 15) int ma,
                                         @ForAll @IntRange(max = 4) int db, @ForAll @IntRange(max = 15) int mb,
                                         @ForAll long seed) {
        int[] out = Ref.ints(outList);
        int[] sc = operand(out, dc, mc);
        int[] sa = operand(out, da, ma);
        int[] sb = operand(out, db, mb);
        Random rnd = new Random(seed);
        double[] c = new double[Ref.size(sc)];
        for (int i = 0; i < c.length; i++) c[i] = rnd.nextInt(2);
        double[] a = Ref.values(rnd, Ref.size(sa), false);
        double[] b = Ref.values(rnd, Ref.size(sb), false);
        NDArray r = NDArray.where(NDArray.of(Shape.of(sc), c), NDArray.of(Shape.of(sa), a), NDArray.of(Shape.of(sb), b));
        int rank = Math.max(sc.length, Math.max(sa.length, sb.length));
        int[] dims = new int[rank];
        for (int[] s : new int[][] {sc, sa, sb}) {
            for (int i = 0; i < s.length; i++) dims[rank - s.length + i] = Math.max(dims[rank - s.length + i], s[i]);
        }
        for (int i = 0; i < rank; i++) dims[i] = Math.max(dims[i], 1);
        assertArrayEquals(dims, r.shape());
        double[] expected = new double[Ref.size(dims)];
        for (int i = 0; i < expected.length; i++) {
            int[] idx = Ref.unravel(i, dims);
            expected[i] = Ref.broadcastGet(c, sc, idx) != 0 ? Ref.broadcastGet(a, sa, idx) : Ref.broadcastGet(b, sb, idx);
        }
        Ref.assertSame(expected, r.toArray(), "where");
    }

    @Property(tries = 50)
    void zeroSizedAxesBroadcastToEmptyResults(@ForAll @IntRange(min = 0, max = 3) int n, @ForAll BinaryKernel.Fn fn) {
        // [n,0] with [1,1] -> [n,0]; [0] with [3,1] -> [3,0]; a size-0 axis broadcasts only against 1 or 0
        NDArray r = NDArray.zeros(n, 0).zip(fn, NDArray.ones(1, 1));
        Ref.assertShape(r, n, 0);
        Ref.assertShape(NDArray.zeros(0).zip(fn, NDArray.ones(3, 1)), 3, 0);
    }
}
