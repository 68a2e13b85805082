package dev.cotangent.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * Reads the user's distributed examples into one cached {@link Block} per partition, checking every example on the
 * executor that reads it, and numbers the examples in data order (partition after partition, row after row).
 */
final class Blocks {
    private Blocks() {}

    /** What was read: the cached blocks, the number of features, and the examples per partition. */
    record Read(JavaRDD<Block> blocks, int features, long[] rowsPerPartition) {
        long examples() {
            long n = 0;
            for (long r : rowsPerPartition) n += r;
            return n;
        }
    }

    /**
     * Reads {@code data}: every example must have as many features as the first, a finite label and finite
     * features.
     *
     * @throws BadExampleException naming the partition and row of the first bad example Spark reports
     */
    static <T> Read read(JavaRDD<T> data, ExampleReader<T> reader) {
        List<T> head = data.take(1);
        if (head.isEmpty()) {
            throw new IllegalArgumentException("SparkTrainer: the data have no examples; give at least one row");
        }
        int d;
        try {
            d = reader.read(head.get(0)).unsafeFeatures().length;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("SparkTrainer: cannot read the first example, " + head.get(0) + ": "
                    + e.getMessage(), e);
        }
        JavaRDD<Block> raw = data.mapPartitionsWithIndex((p, it) -> List.of(block(p, it, reader, d)).iterator(), true);
        raw.persist(StorageLevel.MEMORY_AND_DISK());
        List<long[]> sizes;
        try {
            sizes = raw.map(b -> new long[] {b.partition, b.rows}).collect();
        } catch (Exception e) { // Scala throws SparkException, a checked exception, without declaring it
            raw.unpersist(false);
            throw unwrap(e);
        }
        long[] rows = new long[sizes.size()];
        for (long[] s : sizes) rows[(int) s[0]] = s[1];
        long[] offsets = new long[rows.length];
        for (int p = 1; p < rows.length; p++) offsets[p] = offsets[p - 1] + rows[p - 1];
        JavaRDD<Block> blocks = raw.map(b -> b.at(offsets[b.partition]));
        blocks.persist(StorageLevel.MEMORY_AND_DISK());
        blocks.count();
        raw.unpersist(false);
        return new Read(blocks, d, rows);
    }

    private static <T> Block block(int partition, Iterator<T> it, ExampleReader<T> reader, int d) {
        List<Example> read = new ArrayList<>();
        long row = 0;
        while (it.hasNext()) {
            T element = it.next();
            Example e;
            try {
                e = reader.read(element);
            } catch (RuntimeException ex) {
                String shown = String.valueOf(element);
                if (shown.length() > 200) shown = shown.substring(0, 200) + "...";
                throw new BadExampleException(partition, row, "cannot read " + shown + ": " + ex.getMessage());
            }
            check(partition, row, e, d);
            read.add(e);
            row++;
        }
        double[] x = new double[read.size() * d];
        double[] y = new double[read.size()];
        for (int r = 0; r < y.length; r++) {
            System.arraycopy(read.get(r).unsafeFeatures(), 0, x, r * d, d);
            y[r] = read.get(r).label();
        }
        return new Block(partition, 0, y.length, d, x, y);
    }

    private static void check(int partition, long row, Example e, int d) {
        double[] f = e.unsafeFeatures();
        if (f.length != d) {
            throw new BadExampleException(partition, row, f.length + " features where the first example has " + d);
        }
        if (!Double.isFinite(e.label())) {
            throw new BadExampleException(partition, row, "the label is " + e.label());
        }
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(f[j])) {
                throw new BadExampleException(partition, row, "feature " + j + " is " + f[j]);
            }
        }
    }

    /**
     * What to throw for a failed Spark job: the {@link BadExampleException} inside it if there is one, else
     * {@code e} itself if unchecked, else (Spark's checked {@link SparkException}) an IllegalStateException with its
     * message and cause.
     */
    static RuntimeException unwrap(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadExampleException bad) return bad;
        }
        if (e instanceof RuntimeException r) return r;
        return new IllegalStateException("SparkTrainer: a Spark job failed: " + e.getMessage(), e);
    }
}
