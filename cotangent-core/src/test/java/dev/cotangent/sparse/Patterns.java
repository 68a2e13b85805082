package dev.cotangent.sparse;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Standard sparsity patterns for the tests, and checkers of colourings written from the definitions. */
final class Patterns {
    private Patterns() {}

    /** n×n band: |i − j| ≤ b. */
    static Pattern banded(int n, int b) {
        int[][] rows = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> c = new ArrayList<>();
            for (int j = Math.max(0, i - b); j <= Math.min(n - 1, i + b); j++) c.add(j);
            rows[i] = c.stream().mapToInt(Integer::intValue).toArray();
        }
        return Pattern.of(n, n, rows);
    }

    /** n×n arrow: the first row, the first column and the diagonal. */
    static Pattern arrow(int n) {
        int[][] rows = new int[n][];
        rows[0] = new int[n];
        for (int j = 0; j < n; j++) rows[0][j] = j;
        for (int i = 1; i < n; i++) rows[i] = new int[] {0, i};
        return Pattern.of(n, n, rows);
    }

    /** The 5-point Laplacian of a k×k grid (row-major numbering): each point and its four neighbours. */
    static Pattern laplacian(int k) {
        int n = k * k;
        int[][] rows = new int[n][];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                List<Integer> l = new ArrayList<>();
                if (r > 0) l.add((r - 1) * k + c);
                if (c > 0) l.add(r * k + c - 1);
                l.add(r * k + c);
                if (c < k - 1) l.add(r * k + c + 1);
                if (r < k - 1) l.add((r + 1) * k + c);
                rows[r * k + c] = l.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return Pattern.of(n, n, rows);
    }

    /** m×n with each entry present with probability {@code density}. */
    static Pattern random(int m, int n, double density, long seed) {
        Random r = new Random(seed);
        int[][] rows = new int[m][];
        for (int i = 0; i < m; i++) {
            List<Integer> l = new ArrayList<>();
            for (int j = 0; j < n; j++) if (r.nextDouble() < density) l.add(j);
            rows[i] = l.stream().mapToInt(Integer::intValue).toArray();
        }
        return Pattern.of(m, n, rows);
    }

    /** A column colouring is valid when no row holds two columns of one colour. */
    static boolean validColumns(Pattern p, int[] color) {
        for (int i = 0; i < p.rows(); i++) {
            int[] row = p.row(i);
            for (int a = 0; a < row.length; a++) {
                for (int b = a + 1; b < row.length; b++) if (color[row[a]] == color[row[b]]) return false;
            }
        }
        return true;
    }

    /**
     * A star colouring of a symmetric pattern is valid when neighbours differ and no path on four vertices has two
     * colours: that is, for no edge u–v do both u have another neighbour of v's colour and v another of u's.
     */
    static boolean validStar(Pattern p, int[] color) {
        for (int u = 0; u < p.rows(); u++) {
            for (int v : p.row(u)) {
                if (v == u) continue;
                if (color[u] == color[v]) return false;
                if (count(p, color, u, color[v]) >= 2 && count(p, color, v, color[u]) >= 2) return false;
            }
        }
        return true;
    }

    /** The neighbours of u (not u) of colour c. */
    private static int count(Pattern p, int[] color, int u, int c) {
        int k = 0;
        for (int w : p.row(u)) if (w != u && color[w] == c) k++;
        return k;
    }
}
