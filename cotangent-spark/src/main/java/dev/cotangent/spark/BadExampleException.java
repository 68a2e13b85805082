package dev.cotangent.spark;

/**
 * An example the trainer cannot use (wrong number of features, a missing or non-finite label or feature), named by
 * the Spark partition that holds it and its row within that partition, so the user can find it in their data.
 * Thrown on the executor while the examples are read, and rethrown as itself on the driver.
 */
public final class BadExampleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int partition;
    private final long row;

    /** An example at {@code row} (from 0) of {@code partition} that is bad for the reason {@code what}. */
    public BadExampleException(int partition, long row, String what) {
        super("SparkTrainer: bad example at partition " + partition + ", row " + row + " (from 0): " + what
                + "; fix or filter that row before training");
        this.partition = partition;
        this.row = row;
    }

    /** The Spark partition that holds the example. */
    public int partition() {
        return partition;
    }

    /** The example's row within its partition, from 0. */
    public long row() {
        return row;
    }
}
