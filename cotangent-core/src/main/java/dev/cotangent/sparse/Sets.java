package dev.cotangent.sparse;

import java.util.Arrays;

/**
 * Sets of input indices (sorted int arrays, never written after they are made) and the scratch space to build
 * unions of them, for the dependency propagation of {@link Dependencies}. Sets are shared wherever a result equals
 * an operand (a unary op reuses its operand's sets; a sum of everything is one array for all its outputs), and the
 * set of every input is one shared array, so that dense parts of a program cost one reference per element. The
 * ints allocated are counted against a budget; past it, {@link TooDense} stops the propagation and the caller
 * takes the dense pattern instead.
 */
final class Sets {
    static final int[] EMPTY = new int[0];

    /** Thrown when the sets would take more memory than the budget allows. */
    static final class TooDense extends RuntimeException {
        TooDense() {
            super(null, null, false, false);
        }
    }

    final int universe;
    private final int[] all;
    private final int[] mark;
    private int stamp;
    private int[] buffer = new int[16];
    private int size;
    private int[] first;
    private boolean several;
    private boolean full;
    private long budget;

    /** Sets of indices in [0, universe), with at most {@code budget} ints allocated in all. */
    Sets(int universe, long budget) {
        this.universe = universe;
        this.budget = budget;
        this.all = new int[universe];
        for (int i = 0; i < universe; i++) all[i] = i;
        this.mark = new int[universe];
    }

    /** {i} for every input index i. */
    int[][] singletons() {
        charge(2L * universe);
        int[][] s = new int[universe][];
        for (int i = 0; i < universe; i++) s[i] = new int[] {i};
        return s;
    }

    /** {@code count} empty sets. */
    static int[][] empties(int count) {
        int[][] s = new int[count][];
        Arrays.fill(s, EMPTY);
        return s;
    }

    /** a ∪ b, sharing an operand when it is the union. */
    int[] union(int[] a, int[] b) {
        if (a == b || b.length == 0 || a.length == universe) return a;
        if (a.length == 0 || b.length == universe) return b;
        int[] r = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            int x = a[i];
            int y = b[j];
            if (x < y) {
                r[k++] = x;
                i++;
            } else if (y < x) {
                r[k++] = y;
                j++;
            } else {
                r[k++] = x;
                i++;
                j++;
            }
        }
        while (i < a.length) r[k++] = a[i++];
        while (j < b.length) r[k++] = b[j++];
        if (k == a.length) return a;
        if (k == b.length) return b;
        return made(k == r.length ? r : Arrays.copyOf(r, k));
    }

    /** Starts a union of many sets: {@link #add} each, then {@link #end}. */
    void begin() {
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(mark, 0);
            stamp = 1;
        }
        size = 0;
        first = null;
        several = false;
        full = false;
    }

    /** Adds a set to the union begun. */
    void add(int[] s) {
        if (s.length == 0 || full || s == first) return;
        if (s.length == universe) {
            full = true;
            return;
        }
        if (first == null) first = s;
        else several = true;
        if (size + s.length > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, size + s.length));
        for (int v : s) {
            if (mark[v] != stamp) {
                mark[v] = stamp;
                buffer[size++] = v;
            }
        }
    }

    /** The union of the sets added since {@link #begin}. */
    int[] end() {
        if (full) return all;
        if (!several) return first == null ? EMPTY : first;
        if (size == universe) return all;
        int[] r = Arrays.copyOf(buffer, size);
        Arrays.sort(r);
        return made(r);
    }

    /** The set of every index. */
    int[] all() {
        return all;
    }

    private int[] made(int[] r) {
        if (r.length == universe) return all;
        charge(r.length + 4L);
        return r;
    }

    private void charge(long ints) {
        budget -= ints;
        if (budget < 0) throw new TooDense();
    }
}
