package dev.cotangent.spark;

import java.io.Serializable;

/**
 * The examples of one Spark partition, read once and kept in memory as one dense block: row-major features, labels,
 * and the global index of the first row ({@code offset}), so row r is example {@code offset + r} of the data
 * order (partition after partition, row after row). Immutable once built.
 */
final class Block implements Serializable {
    private static final long serialVersionUID = 1L;
    final int partition;
    final long offset;
    final int rows;
    final int features;
    final double[] x;
    final double[] y;

    Block(int partition, long offset, int rows, int features, double[] x, double[] y) {
        this.partition = partition;
        this.offset = offset;
        this.rows = rows;
        this.features = features;
        this.x = x;
        this.y = y;
    }

    /** This block with global indices starting at {@code start} (shares the arrays, which nobody modifies). */
    Block at(long start) {
        return new Block(partition, start, rows, features, x, y);
    }
}
