package dev.cotangent.sparse;

import dev.cotangent.SparseMatrix;
import dev.cotangent.Tensor;

/**
 * Seeds for compressed products and the exact recovery of a matrix from them. Seed row c is the indicator of
 * colour c; the product of a matrix A with it is Σ_{j of colour c} A[:, j]. Because a colouring never puts two
 * entries of one row (of one column, for rows) in a colour, the other terms of the sum are structural zeros, so
 * each entry is read off with no arithmetic at all: the same number a dense evaluation computes for it.
 */
final class Compression {
    private Compression() {}

    /** The seed matrix [colours, size]: row c has ones at the vertices of colour c. */
    static Tensor seeds(Coloring c, int size) {
        double[] s = new double[Math.multiplyExact(c.count(), size)];
        for (int v = 0; v < size; v++) s[c.color(v) * size + v] = 1.0;
        return Tensor.of(new int[] {c.count(), size}, s);
    }

    /** From products [colours, m] of column seeds: A[i][j] = products[colour(j)][i]. */
    static SparseMatrix fromColumns(Pattern p, Coloring c, double[] products) {
        int m = p.rows();
        int[] rp = p.pointers();
        int[] ci = p.indices();
        double[] v = new double[ci.length];
        for (int i = 0; i < m; i++) {
            for (int k = rp[i]; k < rp[i + 1]; k++) v[k] = products[c.color(ci[k]) * m + i];
        }
        return matrix(p, v, c);
    }

    /** From products [colours, n] of row seeds (pullbacks): A[i][j] = products[colour(i)][j]. */
    static SparseMatrix fromRows(Pattern p, Coloring c, double[] products) {
        int n = p.columns();
        int[] rp = p.pointers();
        int[] ci = p.indices();
        double[] v = new double[ci.length];
        for (int i = 0; i < p.rows(); i++) {
            int base = c.color(i) * n;
            for (int k = rp[i]; k < rp[i + 1]; k++) v[k] = products[base + ci[k]];
        }
        return matrix(p, v, c);
    }

    /**
     * From Hessian-vector products [colours, n] of a star colouring. For i ≤ j, H[i][j] = B[colour(j)][i] when j is
     * the only entry of row i with its colour, else B[colour(i)][j] (then i is the only entry of row j with
     * colour(i): a star colouring leaves no other case); H[j][i] takes the same number, so the result is exactly
     * symmetric.
     */
    static SparseMatrix fromStar(Pattern p, Coloring c, double[] products) {
        int n = p.rows();
        int[] rp = p.pointers();
        int[] ci = p.indices();
        boolean[] unique = new boolean[ci.length];
        int[] seen = new int[c.count()];
        int[] count = new int[c.count()];
        for (int i = 0; i < n; i++) {
            for (int k = rp[i]; k < rp[i + 1]; k++) {
                int col = c.color(ci[k]);
                if (seen[col] != i + 1) {
                    seen[col] = i + 1;
                    count[col] = 0;
                }
                count[col]++;
            }
            for (int k = rp[i]; k < rp[i + 1]; k++) unique[k] = count[c.color(ci[k])] == 1;
        }
        double[] v = new double[ci.length];
        for (int i = 0; i < n; i++) {
            for (int k = rp[i]; k < rp[i + 1]; k++) {
                int j = ci[k];
                int a = Math.min(i, j);
                int b = Math.max(i, j);
                boolean own = a == i ? unique[k] : unique[p.indexOf(a, b)];
                v[k] = own ? products[c.color(b) * n + a] : products[c.color(a) * n + b];
            }
        }
        return matrix(p, v, c);
    }

    private static SparseMatrix matrix(Pattern p, double[] values, Coloring c) {
        return new SparseMatrix(p.rows(), p.columns(), p.pointers(), p.indices(), values, c.count());
    }
}
