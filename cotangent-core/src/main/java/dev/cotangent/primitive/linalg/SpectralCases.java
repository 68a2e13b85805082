package dev.cotangent.primitive.linalg;

import dev.cotangent.kernel.LapackSpectral;
import dev.cotangent.primitive.Registry.Case;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The registry's cases for the spectral primitives (eigh, svd, qr and the triangular solve of QR's rules), with
 * generators of valid operands: matrices built from random orthogonal factors and chosen spectra, so that
 * eigenvalues and singular values stay at least 0.5 apart and away from zero, and so that each derivative exists
 * and the finite-difference stencil never crosses a degenerate point or a sign flip of the vectors. Sizes 1 to 4,
 * with and without batch axes; tall, square and wide matrices for svd and qr.
 */
public final class SpectralCases {
    private static final int[][] BATCHES = {{}, {}, {2}, {1, 2}};

    private SpectralCases() {}

    /** Appends the cases to the registry's list. */
    public static void addTo(List<Case> l) {
        l.add(new Case("eigh", Eigh.INSTANCE, r -> new NDArray[] {symmetric(r, batch(r), 1 + r.nextInt(4))},
                new boolean[] {true}));
        l.add(new Case("svd[square]", Svd.INSTANCE, r -> {
            int n = 1 + r.nextInt(4);
            return new NDArray[] {separatedSpectrum(r, batch(r), n, n)};
        }, new boolean[] {true}));
        l.add(new Case("svd[tall]", Svd.INSTANCE, r -> {
            int n = 1 + r.nextInt(3);
            return new NDArray[] {separatedSpectrum(r, batch(r), n + 1 + r.nextInt(2), n)};
        }, new boolean[] {true}));
        l.add(new Case("svd[wide]", Svd.INSTANCE, r -> {
            int m = 1 + r.nextInt(3);
            return new NDArray[] {separatedSpectrum(r, batch(r), m, m + 1 + r.nextInt(2))};
        }, new boolean[] {true}));
        l.add(new Case("qr[square]", Qr.INSTANCE, r -> {
            int n = 1 + r.nextInt(4);
            return new NDArray[] {leadingBlockDominant(r, batch(r), n, n)};
        }, new boolean[] {true}));
        l.add(new Case("qr[tall]", Qr.INSTANCE, r -> {
            int n = 1 + r.nextInt(3);
            return new NDArray[] {leadingBlockDominant(r, batch(r), n + 1 + r.nextInt(2), n)};
        }, new boolean[] {true}));
        l.add(new Case("qr[wide]", Qr.INSTANCE, r -> {
            int m = 1 + r.nextInt(3);
            return new NDArray[] {leadingBlockDominant(r, batch(r), m, m + 1 + r.nextInt(2))};
        }, new boolean[] {true}));
        for (boolean transpose : new boolean[] {false, true}) {
            l.add(new Case("qr_triangular_solve[transpose=" + transpose + "]", new QrTriangularSolve(transpose), r -> {
                int[] b = batch(r);
                int n = 1 + r.nextInt(4);
                return new NDArray[] {triangular(r, b, n), uniform(r, dims(b, n, 1 + r.nextInt(3)), -2, 2)};
            }, new boolean[] {true, true}));
        }
    }

    private static int[] batch(RandomGenerator r) {
        return BATCHES[r.nextInt(BATCHES.length)];
    }

    private static int[] dims(int[] batch, int rows, int cols) {
        int[] d = java.util.Arrays.copyOf(batch, batch.length + 2);
        d[batch.length] = rows;
        d[batch.length + 1] = cols;
        return d;
    }

    private static int count(int[] batch) {
        int c = 1;
        for (int b : batch) c *= b;
        return c;
    }

    /**
     * Q diag(λ) Qᵀ with a random orthogonal Q and eigenvalues λ_1 &lt; λ_2 &lt; … spaced 1 to 2 apart from a random
     * start in [−3, 0]; the strict upper triangle, which eigh does not read, holds unrelated numbers.
     */
    private static NDArray symmetric(RandomGenerator r, int[] batch, int n) {
        int c = count(batch);
        double[] a = new double[c * n * n];
        for (int t = 0; t < c; t++) {
            double[] q = orthonormalColumns(r, n, n);
            double[] lambda = new double[n];
            double l = -3 * r.nextDouble();
            for (int i = 0; i < n; i++) {
                lambda[i] = l;
                l += 1 + r.nextDouble();
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int k = 0; k < n; k++) s += q[i * n + k] * lambda[k] * q[j * n + k];
                    a[t * n * n + i * n + j] = j <= i ? s : 4 * r.nextDouble() - 2;
                }
            }
        }
        return NDArray.wrap(Shape.of(dims(batch, n, n)), a);
    }

    /** U diag(σ) Vᵀ with random orthonormal U [m, k], V [n, k] and σ descending, 0.5 to 1.5 apart, the least ≥ 0.5. */
    private static NDArray separatedSpectrum(RandomGenerator r, int[] batch, int m, int n) {
        int c = count(batch);
        int k = Math.min(m, n);
        double[] a = new double[c * m * n];
        for (int t = 0; t < c; t++) {
            double[] u = orthonormalColumns(r, m, k);
            double[] v = orthonormalColumns(r, n, k);
            double[] sigma = new double[k];
            double s = 0.5 + r.nextDouble();
            for (int i = k - 1; i >= 0; i--) {
                sigma[i] = s;
                s += 0.5 + r.nextDouble();
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double x = 0;
                    for (int p = 0; p < k; p++) x += u[i * k + p] * sigma[p] * v[j * k + p];
                    a[t * m * n + i * n + j] = x;
                }
            }
        }
        return NDArray.wrap(Shape.of(dims(batch, m, n)), a);
    }

    /**
     * Entries uniform in [−1, 1] plus ±3 on the diagonal of the leading min(m, n) block: that block, and so the
     * matrix, is well conditioned (what QR's derivative needs, for wide matrices of the leading block).
     */
    private static NDArray leadingBlockDominant(RandomGenerator r, int[] batch, int m, int n) {
        double[] a = NDArray.uniform(r, -1, 1, dims(batch, m, n)).toArray();
        int k = Math.min(m, n);
        for (int t = 0; t < count(batch); t++) {
            for (int i = 0; i < k; i++) a[t * m * n + i * n + i] += r.nextBoolean() ? 3 : -3;
        }
        return NDArray.wrap(Shape.of(dims(batch, m, n)), a);
    }

    /**
     * A well-conditioned upper-triangular matrix: diagonal magnitudes in [2, 3], other entries magnitudes in
     * [0.1, 0.5], random signs; the strict lower triangle (not read) is filled too, so no entry is zero.
     */
    private static NDArray triangular(RandomGenerator r, int[] batch, int n) {
        double[] a = new double[count(batch) * n * n];
        for (int i = 0; i < a.length; i++) {
            boolean diagonal = (i % (n * n)) / n == i % n;
            double mag = diagonal ? 2 + r.nextDouble() : 0.1 + 0.4 * r.nextDouble();
            a[i] = r.nextBoolean() ? mag : -mag;
        }
        return NDArray.wrap(Shape.of(dims(batch, n, n)), a);
    }

    private static NDArray uniform(RandomGenerator r, int[] dims, double lo, double hi) {
        return NDArray.uniform(r, lo, hi, dims);
    }

    /** A random rows×cols matrix (cols ≤ rows) with orthonormal columns: the Q of a Gaussian matrix. */
    private static double[] orthonormalColumns(RandomGenerator r, int rows, int cols) {
        double[] g = NDArray.normal(r, 0, 1, rows, cols).toArray();
        double[] q = new double[rows * cols];
        LapackSpectral.qr(1, rows, cols, g, q, new double[cols * cols]);
        return q;
    }
}
