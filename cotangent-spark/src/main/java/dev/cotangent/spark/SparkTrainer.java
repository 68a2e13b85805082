package dev.cotangent.spark;

import dev.cotangent.Tensor;
import dev.cotangent.nn.data.Dataset;
import dev.cotangent.nn.optim.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Synchronous data-parallel mini-batch training on Spark: the driver broadcasts the parameters (as the tree's flat
 * {@code double[]}), each partition computes the gradient of the user's {@link BatchLoss} on its share of the
 * step's global batch with Cotangent's AD, {@code treeAggregate} sums the shares, and the driver applies any
 * {@link Optimizer}'s step. One Spark job per step; the data are read once into cached per-partition blocks.
 *
 * <p>Same numbers as one machine: each epoch draws the same seeded permutation of the examples (in data order:
 * partition after partition, row after row) as {@code dev.cotangent.nn.train.Trainer}, so step k uses the same
 * global batch; only the summation order of the batch's gradient differs (within a partition, then across
 * partitions in double-double), which moves parameters at the level of rounding. Each step checks that the
 * executors used exactly the batch's examples, once each.
 */
public final class SparkTrainer {
    /**
     * @param epochs    passes over the data
     * @param batchSize the global batch: examples per step over all partitions together
     * @param seed      seeds the permutations (the same seed gives the same batches as the single-JVM trainer)
     */
    public record Config(int epochs, int batchSize, long seed) {
        public Config {
            if (epochs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("SparkTrainer.Config: epochs " + epochs + " and batch size "
                        + batchSize + " must be >= 1");
            }
        }
    }

    /**
     * The trained parameters and what each epoch measured.
     *
     * @param partitions       partitions of the data (tasks per step)
     * @param aggregationDepth the depth given to {@code treeAggregate}
     */
    public record Result(Map<String, Tensor> params, List<EpochReport> epochs, int partitions, int aggregationDepth) {
        public Result {
            epochs = List.copyOf(epochs);
        }
    }

    private SparkTrainer() {}

    /** Trains on a {@code JavaRDD} of {@link Example}s; {@code onEpoch} hears each epoch's report. */
    public static <S> Result fit(JavaRDD<Example> examples, BatchLoss loss, Map<String, Tensor> params,
                                 Optimizer<S> optimizer, Config cfg, Consumer<EpochReport> onEpoch) {
        return fit(examples, e -> e, loss, params, optimizer, cfg, onEpoch);
    }

    /**
     * Trains on a {@code Dataset<Row>}: the label column and the feature columns (one array column, or several
     * numeric columns), see {@link Rows}.
     */
    public static <S> Result fit(org.apache.spark.sql.Dataset<Row> rows, String label, List<String> features,
                                 BatchLoss loss, Map<String, Tensor> params, Optimizer<S> optimizer, Config cfg,
                                 Consumer<EpochReport> onEpoch) {
        return fit(rows.javaRDD(), Rows.reader(rows.schema(), label, features), loss, params, optimizer, cfg,
                onEpoch);
    }

    /** Trains on any {@code JavaRDD}, whose elements {@code reader} turns into examples on the executors. */
    public static <T, S> Result fit(JavaRDD<T> data, ExampleReader<T> reader, BatchLoss loss,
                                    Map<String, Tensor> params, Optimizer<S> optimizer, Config cfg,
                                    Consumer<EpochReport> onEpoch) {
        Blocks.Read read = Blocks.read(data, reader);
        try {
            return train(read, loss, params, optimizer, cfg, onEpoch);
        } finally {
            read.blocks().unpersist(false);
        }
    }

    /**
     * The {@code treeAggregate} depth for {@code partitions} partitions: the smallest depth at which no level
     * merges more than 8 partial gradients into one (1 up to 8 partitions, 2 up to 64, 3 up to 512, ...).
     */
    public static int aggregationDepth(int partitions) {
        int depth = 1;
        while (Math.pow(8, depth) < partitions) depth++;
        return depth;
    }

    private static <S> Result train(Blocks.Read read, BatchLoss loss, Map<String, Tensor> params,
                                    Optimizer<S> optimizer, Config cfg, Consumer<EpochReport> onEpoch) {
        long total = read.examples();
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("SparkTrainer: " + total + " examples; at most 2^31 - 1 are supported"
                    + " (the permutation is an int[]): train on a sample or in chunks");
        }
        int n = (int) total;
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(read.blocks().context());
        Map<String, Tensor> current = new LinkedHashMap<>(params);
        ParamSpec spec = ParamSpec.of(current);
        int partitions = read.rowsPerPartition().length;
        int depth = aggregationDepth(partitions);
        SplittableRandom rng = new SplittableRandom(cfg.seed());
        S state = optimizer.init(current);
        List<EpochReport> reports = new ArrayList<>();
        for (int epoch = 1; epoch <= cfg.epochs(); epoch++) {
            long t0 = System.nanoTime();
            int[] perm = Dataset.permutation(n, rng);
            int[] positions = new int[n];
            for (int i = 0; i < n; i++) positions[perm[i]] = i;
            Broadcast<int[]> places = jsc.broadcast(positions);
            long driver = System.nanoTime() - t0;
            long job = 0;
            long compute = 0;
            long seen = 0;
            double lossSum = 0;
            int steps = 0;
            for (int from = 0; from < n; from += cfg.batchSize()) {
                int to = (int) Math.min(n, (long) from + cfg.batchSize());
                long t1 = System.nanoTime();
                Broadcast<double[]> flat = jsc.broadcast(spec.flat(current));
                long t2 = System.nanoTime();
                Partial sum;
                try {
                    sum = read.blocks().treeAggregate(new Partial(), new StepGradient(flat, places, spec, loss, from,
                            to), Partial::merge, depth);
                } catch (Exception e) { // Scala throws SparkException, a checked exception, without declaring it
                    throw Blocks.unwrap(e);
                }
                long t3 = System.nanoTime();
                checkBatch(sum, perm, from, to, epoch, steps + 1);
                Map<String, Tensor> grads = spec.tree(sum.gradientOver(to - from, spec.size()));
                Optimizer.Update<S> u = optimizer.step(current, grads, state);
                current = u.params();
                state = u.state();
                flat.destroy();
                long t4 = System.nanoTime();
                driver += (t2 - t1) + (t4 - t3);
                job += t3 - t2;
                compute += sum.computeNanos();
                seen += sum.count();
                lossSum += sum.lossSum();
                steps++;
            }
            places.destroy();
            EpochReport r = new EpochReport(epoch, lossSum / seen, seen, steps, (System.nanoTime() - t0) / 1e9,
                    driver / 1e9, job / 1e9, compute / 1e9);
            reports.add(r);
            onEpoch.accept(r);
        }
        return new Result(current, reports, partitions, depth);
    }

    /** Nothing lost, nothing duplicated: the step used each example of its batch exactly once. */
    private static void checkBatch(Partial sum, int[] perm, int from, int to, int epoch, int step) {
        long expected = 0;
        for (int i = from; i < to; i++) expected += perm[i];
        if (sum.count() != to - from || sum.indexSum() != expected) {
            throw new IllegalStateException("SparkTrainer: epoch " + epoch + ", step " + step + " used "
                    + sum.count() + " examples (index sum " + sum.indexSum() + ") where its batch has " + (to - from)
                    + " (index sum " + expected + "); the input RDD must give the same rows each time it is read:"
                    + " make it deterministic or checkpoint it");
        }
    }
}
