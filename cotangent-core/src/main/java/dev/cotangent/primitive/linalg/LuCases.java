package dev.cotangent.primitive.linalg;

import dev.cotangent.primitive.Registry;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The registry cases of the LU/Cholesky family, with operands that are valid and well away from trouble:
 * well-conditioned square matrices (uniform entries in [−1, 1] plus (n+1)·I, a random row negated so that det
 * takes both signs), symmetric positive definite ones (B Bᵀ + n·I in the lower triangle, arbitrary numbers above
 * it, which cholesky must not read), and triangular ones with a dominant diagonal of either sign (arbitrary numbers
 * in the other triangle, which triangular_solve must not read). Matrices are 1×1 to 3×3 with broadcast batch axes.
 */
public final class LuCases {
    private LuCases() {}

    /** Adds the cases to the registry's list. */
    public static void addTo(List<Registry.Case> l) {
        for (boolean tr : new boolean[] {false, true}) {
            l.add(new Registry.Case("solve[transpose=" + tr + "]", new Solve(tr),
                    r -> solveOperands(r, LuCases::square), yes(2)));
        }
        for (boolean lower : new boolean[] {true, false}) {
            for (boolean tr : new boolean[] {false, true}) {
                l.add(new Registry.Case("triangular_solve[lower=" + lower + ", transpose=" + tr + "]",
                        new TriangularSolve(lower, tr), r -> solveOperands(r, LuCases::triangular),
                        yes(2)));
            }
        }
        l.add(new Registry.Case("cholesky", Cholesky.INSTANCE, r -> new NDArray[] {spd(r, stack(r))}, yes(1)));
        l.add(new Registry.Case("inv", LuInverse.INSTANCE, r -> new NDArray[] {square(r, stack(r))}, yes(1)));
        l.add(new Registry.Case("det", Det.INSTANCE, r -> new NDArray[] {square(r, stack(r))}, yes(1)));
        l.add(new Registry.Case("log_abs_det", LogAbsDet.INSTANCE, r -> new NDArray[] {square(r, stack(r))}, yes(1)));
        l.add(new Registry.Case("sign_det", DetSign.INSTANCE, r -> new NDArray[] {square(r, stack(r))},
                new boolean[] {false}));
        l.add(new Registry.Case("adjugate", Adjugate.INSTANCE, r -> new NDArray[] {square(r, stack(r))}, yes(1)));
        l.add(new Registry.Case("adjugate_tangent", AdjugateTangent.INSTANCE, r -> {
            int[] d = stack(r);
            return new NDArray[] {square(r, d), NDArray.uniform(r, -1, 1, d)};
        }, yes(2)));
    }

    private interface Matrices {
        NDArray draw(RandomGenerator r, int[] dims);
    }

    /** a {@code [batchA, n, n]} from {@code matrices} and b {@code [batchB, n, k]}, the batch axes broadcasting. */
    private static NDArray[] solveOperands(RandomGenerator r, Matrices matrices) {
        int n = 1 + r.nextInt(3);
        int k = 1 + r.nextInt(3);
        int[][][] batches = {{{}, {}}, {{2}, {}}, {{}, {3}}, {{2}, {2}}, {{1}, {3}}, {{2, 1}, {3}}, {{3}, {2, 1}}};
        int[][] batch = batches[r.nextInt(batches.length)];
        return new NDArray[] {
            matrices.draw(r, append(batch[0], n, n)), NDArray.uniform(r, -2, 2, append(batch[1], n, k))};
    }

    /** A stack of square matrices: batch axes [], [2] or [2, 1], order 1..3. */
    private static int[] stack(RandomGenerator r) {
        int n = 1 + r.nextInt(3);
        int[][] batches = {{}, {2}, {2, 1}};
        return append(batches[r.nextInt(batches.length)], n, n);
    }

    /** Entries uniform in [−1, 1] plus (n+1)·I, then a random row of each matrix negated. */
    private static NDArray square(RandomGenerator r, int[] dims) {
        int n = dims[dims.length - 1];
        double[] d = NDArray.uniform(r, -1, 1, dims).toArray();
        for (int m = 0; m < d.length / (n * n); m++) {
            int base = m * n * n;
            for (int i = 0; i < n; i++) d[base + i * n + i] += n + 1;
            if (r.nextBoolean()) {
                int row = r.nextInt(n);
                for (int j = 0; j < n; j++) d[base + row * n + j] = -d[base + row * n + j];
            }
        }
        return NDArray.wrap(Shape.of(dims), d);
    }

    /** B Bᵀ + n·I (B uniform in [−1, 1]) in the lower triangle, uniform numbers in [−5, 5] above it. */
    private static NDArray spd(RandomGenerator r, int[] dims) {
        int n = dims[dims.length - 1];
        double[] b = NDArray.uniform(r, -1, 1, dims).toArray();
        double[] d = new double[b.length];
        for (int m = 0; m < d.length / (n * n); m++) {
            int base = m * n * n;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (j > i) {
                        d[base + i * n + j] = 10 * r.nextDouble() - 5;
                        continue;
                    }
                    double s = i == j ? n : 0;
                    for (int q = 0; q < n; q++) s += b[base + i * n + q] * b[base + j * n + q];
                    d[base + i * n + j] = s;
                }
            }
        }
        return NDArray.wrap(Shape.of(dims), d);
    }

    /** Uniform entries in [−1, 1], with diagonal entries of magnitude in [n, n+1] and random sign. */
    private static NDArray triangular(RandomGenerator r, int[] dims) {
        int n = dims[dims.length - 1];
        double[] d = NDArray.uniform(r, -1, 1, dims).toArray();
        for (int m = 0; m < d.length / (n * n); m++) {
            for (int i = 0; i < n; i++) {
                double v = n + r.nextDouble();
                d[m * n * n + i * n + i] = r.nextBoolean() ? v : -v;
            }
        }
        return NDArray.wrap(Shape.of(dims), d);
    }

    private static int[] append(int[] batch, int rows, int cols) {
        int[] d = Arrays.copyOf(batch, batch.length + 2);
        d[batch.length] = rows;
        d[batch.length + 1] = cols;
        return d;
    }

    private static boolean[] yes(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }
}
