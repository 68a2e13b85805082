package dev.cotangent.bench.spark;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.nn.Losses;
import dev.cotangent.nn.optim.GradientDescent;
import dev.cotangent.nn.optim.Optimizer;
import dev.cotangent.spark.BatchLoss;
import dev.cotangent.spark.EpochReport;
import dev.cotangent.spark.Example;
import dev.cotangent.spark.SparkTrainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The measurements behind the README's "Training on Spark" tables (docs/spark.md has the method), printed as
 * Markdown rows; peers run interleaved in one process and each cell is the median over rounds (with the range):
 * <ol>
 *   <li>{@code overhead}: the cost of one synchronous step (broadcast, tasks, treeAggregate, optimiser step) on
 *       local[2] with 4 partitions, against the size of the parameter vector, for a loss whose gradient costs
 *       almost nothing: what Spark adds to every step;</li>
 *   <li>{@code logistic}: full-batch logistic regression on synthetic rows x 100 features (default 10^6 rows):
 *       time per step of Cotangent on one JVM (no Spark), on local[1] and local[2] (4 partitions each), and Spark
 *       MLlib's LogisticRegression (L-BFGS) per iteration on the same rows, same master.</li>
 * </ol>
 * Run: {@code java -Xmx8g @cotangent-spark/spark-jvm.options -cp cotangent-bench/target/benchmarks.jar:SPARK_CP
 * dev.cotangent.bench.spark.SparkBench [overhead|logistic|all] [rows] [rounds]}.
 */
public final class SparkBench {
    static final int PARTITIONS = 4;
    static final int FEATURES = 100;
    /** Rounds of the interleaved runs (the third argument; 2 by default). */
    static int rounds = 2;

    private SparkBench() {}

    public static void main(String[] args) {
        String part = args.length > 0 ? args[0] : "all";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        if (args.length > 2) rounds = Integer.parseInt(args[2]);
        if (part.equals("overhead") || part.equals("all")) overhead();
        if (part.equals("logistic") || part.equals("all")) logistic(rows, 10);
    }

    static SparkSession session(String master) {
        SparkSession s = SparkSession.builder().master(master).appName("cotangent spark bench")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        return s;
    }

    /** Per-step cost against the parameter count, for a gradient that costs O(P) and almost nothing else. */
    static void overhead() {
        int[] sizes = {1_000, 10_000, 100_000, 1_000_000, 4_000_000};
        Map<Integer, List<double[]>> cells = new LinkedHashMap<>();
        SparkSession spark = session("local[2]");
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<Example> data = new ArrayList<>();
            for (int i = 0; i < 4000; i++) data.add(new Example(new double[] {i % 7}, 0));
            JavaRDD<Example> rdd = jsc.parallelize(data, PARTITIONS);
            BatchLoss loss = (p, b) -> {
                Tensor theta = p.get("theta");
                return theta.square().sum().mul(0.5).add(b.features().mean().mul(theta.sum()));
            };
            for (int round = 0; round < rounds; round++) {
                for (int size : sizes) {
                    Map<String, Tensor> init = Map.of("theta", Tensor.zeros(size));
                    SparkTrainer.Result r = SparkTrainer.fit(rdd, loss, init, new GradientDescent(0.1),
                            new SparkTrainer.Config(3, 500, 1), e -> { });
                    EpochReport e = r.epochs().get(2); // the third epoch: warm
                    cells.computeIfAbsent(size, k -> new ArrayList<>()).add(new double[] {
                        1e3 * e.seconds() / e.steps(), 1e3 * e.driverSeconds() / e.steps(),
                        1e3 * e.jobSeconds() / e.steps(), 1e3 * e.computeSeconds() / e.steps()});
                }
            }
        } finally {
            spark.stop();
        }
        System.out.println("| parameters | ms per step | driver ms | Spark job ms | gradient ms (summed over tasks) |");
        System.out.println("|---:|---:|---:|---:|---:|");
        cells.forEach((size, runs) -> System.out.printf("| %,d | %s | %s | %s | %s |%n", size, cell(runs, 0),
                cell(runs, 1), cell(runs, 2), cell(runs, 3)));
    }

    /** Full-batch logistic regression: Cotangent on one JVM, on Spark local[1] and local[2], and MLlib. */
    static void logistic(int rows, int steps) {
        Map<String, List<double[]>> cells = new LinkedHashMap<>();
        BatchLoss loss = (p, b) -> Losses.logistic(b.features().matmul(p.get("w")).add(p.get("b")), b.labelTensor());
        for (int round = 0; round < rounds; round++) {
            cells.computeIfAbsent("Cotangent, one JVM (no Spark)", k -> new ArrayList<>())
                    .add(new double[] {progress("one JVM", singleJvm(rows, steps, loss))});
            for (String master : List.of("local[1]", "local[2]")) {
                SparkSession spark = session(master);
                try {
                    JavaRDD<Example> rdd = synthetic(JavaSparkContext.fromSparkContext(spark.sparkContext()), rows);
                    rdd.persist(StorageLevel.MEMORY_AND_DISK());
                    rdd.count();
                    SparkTrainer.Result r = SparkTrainer.fit(rdd, loss, zeros(), new GradientDescent(1.0),
                            new SparkTrainer.Config(steps, rows, 1), e -> { });
                    double[] perStep = r.epochs().stream().skip(1).mapToDouble(EpochReport::seconds).toArray();
                    cells.computeIfAbsent("Cotangent on Spark " + master, k -> new ArrayList<>())
                            .add(new double[] {progress("Cotangent " + master, 1e3 * median(perStep))});
                    cells.computeIfAbsent("MLlib LogisticRegression (L-BFGS) " + master, k -> new ArrayList<>())
                            .add(new double[] {progress("MLlib " + master, mllib(spark, rdd, steps))});
                    rdd.unpersist(true);
                } finally {
                    spark.stop();
                }
            }
        }
        System.out.printf("%n| %,d x %d logistic regression | ms per step (iteration) | examples/s |%n", rows,
                FEATURES);
        System.out.println("|---|---:|---:|");
        cells.forEach((name, runs) -> System.out.printf("| %s | %s | %.3g |%n", name, cell(runs, 0),
                rows / (median(runs.stream().mapToDouble(v -> v[0]).toArray()) / 1e3)));
    }

    /** Prints one measurement as it is made (a long run's partial results survive it), and returns it. */
    static double progress(String what, double ms) {
        System.out.printf("# %s: %.1f ms per step%n", what, ms);
        System.out.flush();
        return ms;
    }

    static Map<String, Tensor> zeros() {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("w", Tensor.zeros(FEATURES));
        p.put("b", Tensor.scalar(0.0));
        return p;
    }

    /** The same rows as {@link #synthetic}, on this JVM: ms per full-batch step (gradient + update), median. */
    static double singleJvm(int rows, int steps, BatchLoss loss) {
        double[] x = new double[rows * FEATURES];
        double[] y = new double[rows];
        int per = rows / PARTITIONS;
        for (int p = 0; p < PARTITIONS; p++) {
            List<Example> part = LogisticRows.partition(p, per);
            for (int i = 0; i < per; i++) {
                System.arraycopy(part.get(i).features(), 0, x, (p * per + i) * FEATURES, FEATURES);
                y[p * per + i] = part.get(i).label();
            }
        }
        dev.cotangent.spark.Batch batch = new dev.cotangent.spark.Batch(Tensor.of(new int[] {rows, FEATURES}, x), y);
        Optimizer<GradientDescent.State> gd = new GradientDescent(1.0);
        Map<String, Tensor> params = zeros();
        GradientDescent.State state = gd.init(params);
        double[] t = new double[steps];
        for (int s = 0; s < steps; s++) {
            long t0 = System.nanoTime();
            Map<String, Tensor> current = params;
            Optimizer.Update<GradientDescent.State> u = gd.step(current, AD.grad(p -> loss.loss(p, batch), current),
                    state);
            params = u.params();
            state = u.state();
            t[s] = (System.nanoTime() - t0) / 1e6;
        }
        return median(Arrays.copyOfRange(t, 1, steps));
    }

    /** {@code rows} examples in 4 partitions, generated on the executors (see {@link LogisticRows}). */
    static JavaRDD<Example> synthetic(JavaSparkContext jsc, int rows) {
        List<Integer> parts = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) parts.add(p);
        int per = rows / PARTITIONS;
        return jsc.parallelize(parts, PARTITIONS).flatMap(p -> LogisticRows.partition(p, per).iterator());
    }

    /** MLlib's LogisticRegression on the same rows: ms per L-BFGS iteration (fit time / iterations). */
    static double mllib(SparkSession spark, JavaRDD<Example> rdd, int iterations) {
        StructType schema = new StructType().add("label", DataTypes.DoubleType).add("features", new VectorUDT());
        Dataset<Row> df = spark.createDataFrame(rdd.map(e -> RowFactory.create(e.label(), Vectors.dense(
                e.features()))), schema);
        df.persist(StorageLevel.MEMORY_AND_DISK());
        df.count();
        LogisticRegression lr = new LogisticRegression().setMaxIter(iterations).setTol(0).setRegParam(0)
                .setStandardization(false);
        long t0 = System.nanoTime();
        LogisticRegressionModel m = lr.fit(df);
        double ms = (System.nanoTime() - t0) / 1e6;
        int done = Math.max(1, m.summary().totalIterations());
        df.unpersist(true);
        return ms / done;
    }

    static String cell(List<double[]> runs, int i) {
        double[] v = runs.stream().mapToDouble(r -> r[i]).toArray();
        return String.format("%.1f (%.1f-%.1f)", median(v), Arrays.stream(v).min().orElse(0),
                Arrays.stream(v).max().orElse(0));
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
