package dev.cotangent.trace;

/**
 * The compact part of a reverse-mode tape: one entry per recorded call on 0-d concrete values, held in primitive
 * arrays (the result's slot, the slots of up to two traced operands, and the two partial derivatives ∂y/∂a and
 * ∂y/∂b): 28 bytes per call and no object, so a young collection copies a few arrays instead of tracing millions
 * of nodes. Entries are appended in slot order and kept in blocks of {@value #BLOCK}, so growing never copies
 * the tape.
 */
final class ScalarTape {
    private static final int SHIFT = 12;
    static final int BLOCK = 1 << SHIFT;
    private static final int MASK = BLOCK - 1;

    private int[][] slot = new int[4][];
    private int[][] a = new int[4][];
    private int[][] b = new int[4][];
    private double[][] da = new double[4][];
    private double[][] db = new double[4][];
    private int size;

    /** Appends y (at {@code out}) = f(a, b) with ∂y/∂a = {@code pa}, ∂y/∂b = {@code pb}; −1 for an untraced operand. */
    void add(int out, int ia, int ib, double pa, double pb) {
        int blk = size >>> SHIFT;
        int i = size & MASK;
        if (i == 0) grow(blk);
        slot[blk][i] = out;
        a[blk][i] = ia;
        b[blk][i] = ib;
        da[blk][i] = pa;
        db[blk][i] = pb;
        size++;
    }

    private void grow(int blk) {
        if (blk == slot.length) {
            int n = blk * 2;
            slot = java.util.Arrays.copyOf(slot, n);
            a = java.util.Arrays.copyOf(a, n);
            b = java.util.Arrays.copyOf(b, n);
            da = java.util.Arrays.copyOf(da, n);
            db = java.util.Arrays.copyOf(db, n);
        }
        slot[blk] = new int[BLOCK];
        a[blk] = new int[BLOCK];
        b[blk] = new int[BLOCK];
        da[blk] = new double[BLOCK];
        db[blk] = new double[BLOCK];
    }

    /** The number of entries. */
    int size() {
        return size;
    }

    /** The result slot of entry {@code k}. */
    int slot(int k) {
        return slot[k >>> SHIFT][k & MASK];
    }

    /** The slot of entry {@code k}'s first operand, −1 if it is not traced. */
    int a(int k) {
        return a[k >>> SHIFT][k & MASK];
    }

    /** The slot of entry {@code k}'s second operand, −1 if it is not traced or there is none. */
    int b(int k) {
        return b[k >>> SHIFT][k & MASK];
    }

    /** ∂y/∂a of entry {@code k}. */
    double da(int k) {
        return da[k >>> SHIFT][k & MASK];
    }

    /** ∂y/∂b of entry {@code k}. */
    double db(int k) {
        return db[k >>> SHIFT][k & MASK];
    }

    /** The bytes of numbers kept: the two partials per entry. */
    long savedBytes() {
        return 16L * size;
    }
}
