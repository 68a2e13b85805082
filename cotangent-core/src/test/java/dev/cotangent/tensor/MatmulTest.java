package dev.cotangent.tensor;

import static dev.cotangent.tensor.Ref.assertShape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cotangent.kernel.Blas;
import java.util.Arrays;
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
 * matmul (through OpenBLAS) against a naive triple loop: non-square, size-0 and size-1 dimensions, batch
 * axes that broadcast, 1-d operands, and the transA/transB flags; also dot and outer.
 */
class MatmulTest {

    /** Element (i, j) of op(X) for a row-major matrix X at {@code off} with {@code cols} columns. */
    private static double at(double[] x, int off, int cols, boolean trans, int i, int j) {
        return trans ? x[off + j * cols + i] : x[off + i * cols + j];
    }

    /**
     * C = op(A) op(B) over batch dims {@code batch}, with A's and B's batch dims right-aligned and broadcast:
     * written out as loops over every output coordinate.
     */
    static double[] naive(double[] a, int[] batchA, boolean ta, double[] b, int[] batchB, boolean tb,
                          int[] batch, int m, int k, int n) {
        int nb = Ref.size(batch);
        double[] c = new double[nb * m * n];
        for (int t = 0; t < nb; t++) {
            int[] bi = Ref.unravel(t, batch);
            int offA = Ref.ravel(bcast(bi, batchA), batchA) * m * k;
            int offB = Ref.ravel(bcast(bi, batchB), batchB) * k * n;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s += at(a, offA, ta ? m : k, ta, i, p) * at(b, offB, tb ? k : n, tb, p, j);
                    }
                    c[t * m * n + i * n + j] = s;
                }
            }
        }
        return c;
    }

    private static int[] bcast(int[] outIdx, int[] from) {
        int off = outIdx.length - from.length;
        int[] idx = new int[from.length];
        for (int i = 0; i < from.length; i++) idx[i] = from[i] == 1 ? 0 : outIdx[i + off];
        return idx;
    }

    private static int[] cat(int[] batch, int x, int y) {
        int[] d = Arrays.copyOf(batch, batch.length + 2);
        d[batch.length] = x;
        d[batch.length + 1] = y;
        return d;
    }

    @Provide
    Arbitrary<List<Integer>> batchDims() {
        return Arbitraries.integers().between(1, 3).list().ofMaxSize(3);
    }

    @Property(tries = 300)
    void batchedMatmulWithFlagsMatchesTheTripleLoop(
            @ForAll("batchDims") List<Integer> batchList,
            @ForAll @IntRange(max = 3) int dropA, @ForAll @IntRange(max = 7) int maskA,
            @ForAll @IntRange(max = 3) int dropB, @ForAll @IntRange(max = 7) int maskB,
            @ForAll @IntRange(max = 6) int m, @ForAll @IntRange(max = 6) int k, @ForAll @IntRange(max = 6) int n,
            @ForAll boolean transA, @ForAll boolean transB, @ForAll long seed) {
        int[] batch = Ref.ints(batchList);
        int[] ba = BroadcastPropertiesTest.operand(batch, dropA, maskA);
        int[] bb = BroadcastPropertiesTest.operand(batch, dropB, maskB);
        Random rnd = new Random(seed);
        int[] da = transA ? cat(ba, k, m) : cat(ba, m, k);
        int[] db = transB ? cat(bb, n, k) : cat(bb, k, n);
        double[] a = Ref.values(rnd, Ref.size(da), false);
        double[] b = Ref.values(rnd, Ref.size(db), false);
        NDArray c = NDArray.matmul(NDArray.of(Shape.of(da), a), NDArray.of(Shape.of(db), b), transA, transB);

        int rank = Math.max(ba.length, bb.length);
        int[] outBatch = new int[rank];
        for (int i = 0; i < rank; i++) {
            int x = i - (rank - ba.length) >= 0 ? ba[i - (rank - ba.length)] : 1;
            int y = i - (rank - bb.length) >= 0 ? bb[i - (rank - bb.length)] : 1;
            outBatch[i] = Math.max(x, y);
        }
        String what = Shape.of(da) + (transA ? "^T" : "") + " @ " + Shape.of(db) + (transB ? "^T" : "");
        assertArrayEquals(cat(outBatch, m, n), c.shape(), what);
        Ref.assertClose(naive(a, ba, transA, b, bb, transB, outBatch, m, k, n), c.toArray(), 1e-13, what);
        if (!transA && !transB) {
            Ref.assertClose(c.toArray(), NDArray.of(Shape.of(da), a).matmul(NDArray.of(Shape.of(db), b)).toArray(),
                    0, "instance matmul " + what);
        }
    }

    @Property(tries = 100)
    void oneDimensionalOperandsAreARowOrAColumnAndTheirAxisIsDropped(
            @ForAll("batchDims") List<Integer> batchList, @ForAll @IntRange(min = 1, max = 5) int m,
            @ForAll @IntRange(min = 0, max = 5) int k, @ForAll @IntRange(min = 1, max = 5) int n,
            @ForAll @IntRange(max = 2) int which, @ForAll long seed) {
        int[] batch = Ref.ints(batchList);
        Random rnd = new Random(seed);
        boolean aVec = which != 1;
        boolean bVec = which != 0;
        int[] da = aVec ? new int[] {k} : cat(batch, m, k);
        int[] db = bVec ? new int[] {k} : cat(batch, k, n);
        double[] a = Ref.values(rnd, Ref.size(da), false);
        double[] b = Ref.values(rnd, Ref.size(db), false);
        NDArray c = NDArray.of(Shape.of(da), a).matmul(NDArray.of(Shape.of(db), b));
        // reference: promote to [1,k] / [k,1], multiply, then drop the promoted axis (NumPy's rule)
        int mm = aVec ? 1 : m;
        int nn = bVec ? 1 : n;
        int[] outBatch = aVec && bVec ? new int[0] : batch;
        double[] expected = naive(a, aVec ? new int[0] : batch, false, b, bVec ? new int[0] : batch, false,
                outBatch, mm, k, nn);
        int[] dims = outBatch.clone();
        if (!aVec) dims = Arrays.copyOf(dims, dims.length + 1);
        if (!aVec) dims[dims.length - 1] = m;
        if (!bVec) dims = Arrays.copyOf(dims, dims.length + 1);
        if (!bVec) dims[dims.length - 1] = n;
        String what = Shape.of(da) + " @ " + Shape.of(db);
        assertArrayEquals(dims, c.shape(), what);
        Ref.assertClose(expected, c.toArray(), 1e-13, what);
    }

    @Test
    void smallProductWorkedByHand() {
        NDArray a = NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        NDArray b = NDArray.of(new double[][] {{7, 8}, {9, 10}, {11, 12}});
        Ref.assertSame(new double[] {58, 64, 139, 154}, a.matmul(b).toArray(), "A B");
        // Aᵀ A = [[17,22,27],[22,29,36],[27,36,45]]
        Ref.assertSame(new double[] {17, 22, 27, 22, 29, 36, 27, 36, 45}, NDArray.matmul(a, a, true, false).toArray(), "AᵀA");
        // A Aᵀ = [[14,32],[32,77]]
        Ref.assertSame(new double[] {14, 32, 32, 77}, NDArray.matmul(a, a, false, true).toArray(), "AAᵀ");
        // Bᵀ Aᵀ = (A B)ᵀ
        Ref.assertSame(new double[] {58, 139, 64, 154}, NDArray.matmul(b, a, true, true).toArray(), "BᵀAᵀ");
        assertShape(NDArray.zeros(2, 0).matmul(NDArray.zeros(0, 3)), 2, 3);
        Ref.assertSame(new double[6], NDArray.ones(2, 0).matmul(NDArray.ones(0, 3)).toArray(), "k = 0 gives zeros");
    }

    @Test
    void largeNonSquareProductsCrossBlasBlockSizes() {
        Random rnd = new Random(42);
        int[][] sizes = {{67, 129, 33}, {1, 300, 1}, {300, 1, 250}, {128, 128, 128}};
        for (int threads : new int[] {1, 2}) {
            int before = Blas.threads();
            Blas.setThreads(threads);
            try {
                for (int[] s : sizes) {
                    int m = s[0], k = s[1], n = s[2];
                    double[] a = Ref.values(rnd, m * k, false);
                    double[] b = Ref.values(rnd, k * n, false);
                    NDArray c = NDArray.of(Shape.of(m, k), a).matmul(NDArray.of(Shape.of(k, n), b));
                    Ref.assertClose(naive(a, new int[0], false, b, new int[0], false, new int[0], m, k, n),
                            c.toArray(), 1e-12, m + "x" + k + "x" + n + " on " + threads + " threads");
                }
            } finally {
                Blas.setThreads(before);
            }
        }
    }

    @Test
    void batchBroadcastingWorkedByHand() {
        // [2,1,2,2] @ [3,2,2] -> [2,3,2,2]; B's batch i is i·I, A's batch j is (j+1)·ones
        double[] a = new double[8];
        Arrays.fill(a, 0, 4, 1);
        Arrays.fill(a, 4, 8, 2);
        double[] b = new double[12];
        for (int i = 0; i < 3; i++) {
            b[i * 4] = i;
            b[i * 4 + 3] = i;
        }
        NDArray c = NDArray.of(Shape.of(2, 1, 2, 2), a).matmul(NDArray.of(Shape.of(3, 2, 2), b));
        assertShape(c, 2, 3, 2, 2);
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 3; i++) {
                for (int r = 0; r < 2; r++) {
                    for (int col = 0; col < 2; col++) assertEquals((j + 1) * i, c.get(j, i, r, col), "batch " + j + "," + i);
                }
            }
        }
    }

    @Test
    void dotAndOuter() {
        assertEquals(32.0, NDArray.of(1, 2, 3).dot(NDArray.of(4, 5, 6)));
        assertEquals(0.0, NDArray.of().dot(NDArray.of()));
        NDArray o = NDArray.of(1, 2).outer(NDArray.of(3, 4, 5));
        assertShape(o, 2, 3);
        Ref.assertSame(new double[] {3, 4, 5, 6, 8, 10}, o.toArray(), "outer");
        assertShape(NDArray.of().outer(NDArray.of(1, 2)), 0, 2);
    }

    @Test
    void vectorTimesVectorIsAScalar() {
        NDArray s = NDArray.of(1, 2, 3).matmul(NDArray.of(4, 5, 6));
        assertShape(s, new int[0]);
        assertEquals(32.0, s.item());
    }
}
