package dev.cotangent.trace;

import java.util.Arrays;

/**
 * The compact part of a reverse-mode tape: one entry per recorded call on 0-d concrete values, held in primitive
 * arrays (the result's slot and the slots of up to two traced operands as three ints, the partial derivatives
 * ∂y/∂a and ∂y/∂b as two doubles): 28 bytes per call and no object, so a young collection copies a few arrays
 * instead of tracing millions of nodes. Entries are appended in slot order into blocks of {@value #BLOCK}, so
 * growing never copies the tape, and an entry's numbers sit side by side for the backward sweep.
 */
final class ScalarTape {
    private static final int SHIFT = 12;
    static final int BLOCK = 1 << SHIFT;
    private static final int MASK = BLOCK - 1;

    private int[][] ints = new int[16][];
    private double[][] partials = new double[16][];
    private int[] lastInts;
    private double[] lastPartials;
    private int size;

    /** Appends y (at {@code out}) = f(a, b) with ∂y/∂a = {@code pa}, ∂y/∂b = {@code pb}; −1 for an untraced operand. */
    void add(int out, int ia, int ib, double pa, double pb) {
        int i = size & MASK;
        if (i == 0) grow(size >>> SHIFT);
        int[] n = lastInts;
        n[3 * i] = out;
        n[3 * i + 1] = ia;
        n[3 * i + 2] = ib;
        double[] d = lastPartials;
        d[2 * i] = pa;
        d[2 * i + 1] = pb;
        size++;
    }

    private void grow(int blk) {
        if (blk == ints.length) {
            ints = Arrays.copyOf(ints, 2 * blk);
            partials = Arrays.copyOf(partials, 2 * blk);
        }
        lastInts = ints[blk] = new int[3 * BLOCK];
        lastPartials = partials[blk] = new double[2 * BLOCK];
    }

    /** The number of entries. */
    int size() {
        return size;
    }

    /** The result slot of entry {@code k}. */
    int slot(int k) {
        return ints[k >>> SHIFT][3 * (k & MASK)];
    }

    /** The slot of entry {@code k}'s first operand, −1 if it is not traced. */
    int a(int k) {
        return ints[k >>> SHIFT][3 * (k & MASK) + 1];
    }

    /** The slot of entry {@code k}'s second operand, −1 if it is not traced or there is none. */
    int b(int k) {
        return ints[k >>> SHIFT][3 * (k & MASK) + 2];
    }

    /** ∂y/∂a of entry {@code k}. */
    double da(int k) {
        return partials[k >>> SHIFT][2 * (k & MASK)];
    }

    /** ∂y/∂b of entry {@code k}. */
    double db(int k) {
        return partials[k >>> SHIFT][2 * (k & MASK) + 1];
    }

    /** The bytes of numbers kept: the two partials per entry. */
    long savedBytes() {
        return 16L * size;
    }
}
