package dev.cotangent.sparse;

import java.util.Arrays;

/**
 * A colouring of a sparsity pattern that lets one product per colour recover every entry: the vertices of one
 * colour are seeded together, and each entry is read off a compressed product unmixed.
 *
 * <ul>
 *   <li>{@link #columns}: columns that share a row get different colours (distance-2 colouring in the bipartite
 *       row-column graph). One JVP per colour; J[i][j] is entry i of the product of colour(j).</li>
 *   <li>{@link #rows}: the same for rows (the columns of the transpose). One VJP per colour.</li>
 *   <li>{@link #star}: for a symmetric pattern, a star colouring of its adjacency graph: adjacent vertices differ,
 *       and every path on four vertices uses at least three colours (two colours induce only stars). One
 *       Hessian-vector product per colour; each entry is read from its own column or from its mirror (direct
 *       recovery, Gebremedhin, Manne and Pothen 2005). The fewest colours of a star colouring are never more
 *       than of a column colouring (every column colouring of a symmetric pattern is a star colouring), and
 *       often far fewer (an arrow pattern: 2 instead of n).</li>
 * </ul>
 * All greedy, in the chosen {@link Ordering}; {@link #count} is the number of colours (of products).
 */
public final class Coloring {
    /** What was coloured. */
    public enum Kind { COLUMNS, ROWS, STAR }

    private final Kind kind;
    private final Ordering ordering;
    private final int[] colors;
    private final int count;

    private Coloring(Kind kind, Ordering ordering, int[] colors) {
        this.kind = kind;
        this.ordering = ordering;
        this.colors = colors;
        int c = 0;
        for (int x : colors) c = Math.max(c, x + 1);
        this.count = c;
    }

    /** Column colouring for forward mode: columns sharing a row get different colours. */
    public static Coloring columns(Pattern p, Ordering o) {
        return new Coloring(Kind.COLUMNS, o, greedy(Conflicts.columns(p), o));
    }

    /** Row colouring for reverse mode: rows sharing a column get different colours. */
    public static Coloring rows(Pattern p, Ordering o) {
        return new Coloring(Kind.ROWS, o, greedy(Conflicts.columns(p.transpose()), o));
    }

    /** Star colouring of a symmetric pattern (its diagonal is ignored), for Hessians. */
    public static Coloring star(Pattern p, Ordering o) {
        if (!p.isSymmetric()) {
            throw new IllegalArgumentException("Coloring.star: the pattern is not symmetric; use Pattern.symmetric()");
        }
        Conflicts g = Conflicts.adjacency(p);
        return new Coloring(Kind.STAR, o, star(p, g.order(o)));
    }

    /** What was coloured: columns, rows, or a symmetric pattern's variables. */
    public Kind kind() {
        return kind;
    }

    /** The greedy order used. */
    public Ordering ordering() {
        return ordering;
    }

    /** The number of colours: the number of products that compressed evaluation needs. */
    public int count() {
        return count;
    }

    /** The colour of each vertex, from 0 (a copy). */
    public int[] colors() {
        return colors.clone();
    }

    /** The colour of vertex v. */
    public int color(int v) {
        return colors[v];
    }

    /** The vertices of each colour, in increasing order. */
    public int[][] groups() {
        int[] size = new int[count];
        for (int c : colors) size[c]++;
        int[][] g = new int[count][];
        for (int c = 0; c < count; c++) g[c] = new int[size[c]];
        int[] fill = new int[count];
        for (int v = 0; v < colors.length; v++) g[colors[v]][fill[colors[v]]++] = v;
        return g;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " colouring, " + ordering + ": " + count + " colours";
    }

    /** Distance-1 greedy colouring of a conflict graph in the given order. */
    private static int[] greedy(Conflicts g, Ordering o) {
        int n = g.size;
        int[] color = new int[n];
        Arrays.fill(color, -1);
        int[] forbidden = new int[n + 1];
        int[] buf = new int[n];
        for (int v : g.order(o)) {
            int stamp = v + 1;
            int k = g.neighbors(v, buf);
            for (int i = 0; i < k; i++) if (color[buf[i]] >= 0) forbidden[color[buf[i]]] = stamp;
            int c = 0;
            while (forbidden[c] == stamp) c++;
            color[v] = c;
        }
        return color;
    }

    /**
     * Greedy star colouring: each vertex v, when coloured, avoids the colours of its neighbours and every colour
     * that would close a two-coloured path on four vertices whose other three are already coloured, with v at an
     * end (v–w–x–y, c(y) = c(w): avoid c(x)) or inside (w₁–v–w₂–x, c(w₁) = c(w₂): avoid c(x)). Every such path is
     * checked when its last vertex is coloured, so the result is a star colouring.
     */
    private static int[] star(Pattern p, int[] order) {
        int n = p.rows();
        int[] rp = p.pointers();
        int[] ri = p.indices();
        int[] color = new int[n];
        Arrays.fill(color, -1);
        int[] forbidden = new int[n + 1];
        int[] seen = new int[n + 1];
        int[] twice = new int[n + 1];
        for (int v : order) {
            int stamp = v + 1;
            for (int a = rp[v]; a < rp[v + 1]; a++) {
                int w = ri[a];
                if (w == v || color[w] < 0) continue;
                int cw = color[w];
                forbidden[cw] = stamp;
                if (seen[cw] == stamp) twice[cw] = stamp;
                seen[cw] = stamp;
            }
            for (int a = rp[v]; a < rp[v + 1]; a++) {
                int w = ri[a];
                if (w == v || color[w] < 0) continue;
                int cw = color[w];
                boolean inner = twice[cw] == stamp;         // another neighbour of v has w's colour
                for (int b = rp[w]; b < rp[w + 1]; b++) {
                    int x = ri[b];
                    if (x == w || x == v || color[x] < 0 || forbidden[color[x]] == stamp) continue;
                    if (inner || hasNeighborOfColor(rp, ri, color, x, w, cw)) forbidden[color[x]] = stamp;
                }
            }
            int c = 0;
            while (forbidden[c] == stamp) c++;
            color[v] = c;
        }
        return color;
    }

    /** Whether x has a neighbour other than w (and x) of colour c. */
    private static boolean hasNeighborOfColor(int[] rp, int[] ri, int[] color, int x, int w, int c) {
        for (int b = rp[x]; b < rp[x + 1]; b++) {
            int y = ri[b];
            if (y != w && y != x && color[y] == c) return true;
        }
        return false;
    }
}
