package dev.cotangent.sparse;

/**
 * A conflict graph for colouring, never stored: its edges are listed on demand from a pattern. For column
 * colouring two columns conflict when they share a row (the column intersection graph, i.e. distance 2 in the
 * bipartite row-column graph); for a symmetric Hessian, i and j are adjacent when (i, j) is an off-diagonal
 * entry. Listing instead of storing keeps memory at O(n) even where the graph is dense (a full row makes every
 * pair of columns conflict).
 */
abstract class Conflicts {
    final int size;

    private Conflicts(int size) {
        this.size = size;
    }

    /** Writes the neighbours of v (never v) into {@code out}, which has room for {@link #size}; returns how many. */
    abstract int neighbors(int v, int[] out);

    /** Columns of {@code p} conflict when some row holds both. */
    static Conflicts columns(Pattern p) {
        Pattern t = p.transpose();
        int[] rp = p.pointers();
        int[] ri = p.indices();
        int[] cp = t.pointers();
        int[] ci = t.indices();
        int[] mark = new int[p.columns()];
        return new Conflicts(p.columns()) {
            private int stamp;

            @Override
            int neighbors(int v, int[] out) {
                if (++stamp == Integer.MAX_VALUE) {
                    java.util.Arrays.fill(mark, 0);
                    stamp = 1;
                }
                mark[v] = stamp;
                int k = 0;
                for (int a = cp[v]; a < cp[v + 1]; a++) {
                    int row = ci[a];
                    for (int b = rp[row]; b < rp[row + 1]; b++) {
                        int w = ri[b];
                        if (mark[w] != stamp) {
                            mark[w] = stamp;
                            out[k++] = w;
                        }
                    }
                }
                return k;
            }
        };
    }

    /** The adjacency graph of a symmetric pattern: i ~ j for each off-diagonal entry. */
    static Conflicts adjacency(Pattern p) {
        int[] rp = p.pointers();
        int[] ri = p.indices();
        return new Conflicts(p.rows()) {
            @Override
            int neighbors(int v, int[] out) {
                int k = 0;
                for (int a = rp[v]; a < rp[v + 1]; a++) if (ri[a] != v) out[k++] = ri[a];
                return k;
            }
        };
    }

    /** The vertices in the given order (see {@link Ordering}). */
    int[] order(Ordering o) {
        int[] order = new int[size];
        if (o == Ordering.NATURAL) {
            for (int v = 0; v < size; v++) order[v] = v;
            return order;
        }
        int[] buf = new int[size];
        int[] degree = new int[size];
        int max = 0;
        for (int v = 0; v < size; v++) {
            degree[v] = neighbors(v, buf);
            max = Math.max(max, degree[v]);
        }
        if (o == Ordering.LARGEST_FIRST) {
            // a stable counting sort by decreasing degree
            int[] start = new int[max + 2];
            for (int v = 0; v < size; v++) start[max - degree[v] + 1]++;
            for (int d = 0; d <= max; d++) start[d + 1] += start[d];
            for (int v = 0; v < size; v++) order[start[max - degree[v]]++] = v;
            return order;
        }
        Buckets b = new Buckets(size, max);
        boolean smallestLast = o == Ordering.SMALLEST_LAST;
        for (int v = size - 1; v >= 0; v--) b.insert(v, smallestLast ? degree[v] : 0);
        boolean[] done = new boolean[size];
        for (int k = 0; k < size; k++) {
            int v = smallestLast ? b.popMin() : b.popMax();
            done[v] = true;
            order[smallestLast ? size - 1 - k : k] = v;
            int c = neighbors(v, buf);
            for (int i = 0; i < c; i++) {
                int w = buf[i];
                if (!done[w]) b.move(w, b.key(w) + (smallestLast ? -1 : 1));
            }
        }
        return order;
    }

    /** Vertices in buckets by an integer key, with O(1) moves and amortised O(1) extraction of a min or max. */
    private static final class Buckets {
        private final int[] head;
        private final int[] next;
        private final int[] prev;
        private final int[] key;
        private int low;
        private int high;

        Buckets(int n, int maxKey) {
            head = new int[maxKey + 1];
            java.util.Arrays.fill(head, -1);
            next = new int[n];
            prev = new int[n];
            key = new int[n];
            low = maxKey;
            high = 0;
        }

        int key(int v) {
            return key[v];
        }

        void insert(int v, int k) {
            key[v] = k;
            prev[v] = -1;
            next[v] = head[k];
            if (head[k] >= 0) prev[head[k]] = v;
            head[k] = v;
            low = Math.min(low, k);
            high = Math.max(high, k);
        }

        void remove(int v) {
            if (prev[v] >= 0) next[prev[v]] = next[v];
            else head[key[v]] = next[v];
            if (next[v] >= 0) prev[next[v]] = prev[v];
        }

        void move(int v, int k) {
            remove(v);
            insert(v, k);
        }

        int popMin() {
            while (head[low] < 0) low++;
            int v = head[low];
            remove(v);
            return v;
        }

        int popMax() {
            while (head[high] < 0) high--;
            int v = head[high];
            remove(v);
            return v;
        }
    }
}
