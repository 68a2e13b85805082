package dev.cotangent.examples.demo;

import dev.cotangent.Tensor;
import dev.cotangent.examples.data.Digits;
import dev.cotangent.examples.report.Plots;
import dev.cotangent.nn.Activation;
import dev.cotangent.nn.Losses;
import dev.cotangent.nn.MLP;
import dev.cotangent.nn.Params;
import dev.cotangent.nn.data.Dataset;
import dev.cotangent.nn.optim.Adam;
import dev.cotangent.nn.train.History;
import dev.cotangent.nn.train.Trainer;
import dev.cotangent.nn.train.TrainingListener;
import dev.cotangent.spark.Agreement;
import dev.cotangent.spark.EpochReport;
import dev.cotangent.spark.Example;
import dev.cotangent.spark.ModuleLoss;
import dev.cotangent.spark.SparkTrainer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The digits MLP trained data-parallel on Spark and, with the same seed, data order and global batch, by the
 * single-JVM Trainer: held-out accuracy of the Spark run, the largest relative parameter difference between the
 * two, time per epoch and the driver/executor split, and both loss curves on one plot. With no cluster it runs
 * Spark in this JVM ({@code local[2]}); given a cluster's master URL (or run by {@code spark-submit}) the gradients
 * are computed on the cluster's executors.
 */
public final class SparkDemo {
    static final int PARTITIONS = 4;
    static final int BATCH = 64;
    static final long SEED = 7;

    private SparkDemo() {}

    /** Runs the demo on Spark master {@code master} (null: the master spark-submit set, else local[2]). */
    public static String run(Path out, PrintStream log, boolean quick, String master) {
        if (master == null && System.getProperty("spark.master") == null) master = "local[2]";
        Dataset all = Digits.load().scaled(1.0 / 16);
        if (quick) all = all.head(400);
        Dataset.Split split = all.split(0.2, DigitsDemo.SPLIT_SEED);
        Dataset train = split.train();
        int epochs = quick ? 3 : 20;
        ModuleLoss loss = ModuleLoss.crossEntropy(() -> new MLP(new int[] {Digits.PIXELS, 64, Digits.CLASSES},
                Activation.RELU, Activation.IDENTITY));
        Map<String, Tensor> init = loss.module().init(1);
        log.printf("spark: %d train / %d test examples, %d parameters, %d epochs of global batch %d, %d partitions%n",
                train.size(), split.test().size(), Params.count(init), epochs, BATCH, PARTITIONS);

        Trainer.Result one = Trainer.fit(loss.module(), init, Adam.adam(3e-3), train, null,
                new Trainer.Config(epochs, BATCH, SEED, 0, 0.0), TrainingListener.SILENT);

        SparkSession.Builder builder = SparkSession.builder().appName("cotangent demo spark")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4");
        if (master != null) builder.master(master);
        if (master != null && master.startsWith("local")) {
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession spark = builder.getOrCreate();
        SparkTrainer.Result many;
        String used;
        try {
            used = spark.sparkContext().master();
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            many = SparkTrainer.fit(jsc.parallelize(examples(train), PARTITIONS), loss, init, Adam.adam(3e-3),
                    new SparkTrainer.Config(epochs, BATCH, SEED), r -> log.println("  " + r.line()));
        } finally {
            spark.stop();
        }

        double accuracy = Losses.accuracy(loss.module().apply(many.params(), split.test().features()),
                split.test().labels());
        double difference = Agreement.maxRelativeDifference(many.params(), one.params());
        Map<String, Plots.Series> curves = new LinkedHashMap<>();
        curves.put("Spark (" + used + ", " + PARTITIONS + " partitions)", Plots.Series.ofEpochs(
                many.epochs().stream().map(EpochReport::trainLoss).toList()));
        curves.put("single JVM (Trainer)", Plots.Series.ofEpochs(one.history().trainLoss()));
        Plots.lines(out.resolve("spark-loss.png"), "digits MLP: data-parallel on Spark vs one JVM", "epoch",
                "training loss", curves, true);
        return summary(used, accuracy, split.test().size(), difference, epochs, many, one.history());
    }

    private static List<Example> examples(Dataset d) {
        double[] x = d.x().unsafeData();
        int row = x.length / d.size();
        List<Example> out = new ArrayList<>(d.size());
        for (int i = 0; i < d.size(); i++) {
            out.add(new Example(Arrays.copyOfRange(x, i * row, (i + 1) * row), d.labels()[i]));
        }
        return out;
    }

    private static String summary(String master, double accuracy, int tested, double difference, int epochs,
                                  SparkTrainer.Result many, History one) {
        List<EpochReport> reports = many.epochs();
        double[] spark = reports.stream().mapToDouble(EpochReport::seconds).toArray();
        double[] single = one.epochExamplesPerSecond().stream().mapToDouble(s -> one.examplesSeen()
                / (double) one.epochs() / s).toArray();
        double driver = reports.stream().mapToDouble(EpochReport::driverSeconds).sum() / reports.size();
        double jobs = reports.stream().mapToDouble(EpochReport::jobSeconds).sum() / reports.size();
        double compute = reports.stream().mapToDouble(EpochReport::computeSeconds).sum() / reports.size();
        int steps = reports.get(0).steps();
        return String.format("spark demo (digits 64-64-10 ReLU MLP, Adam, global batch %d, %d epochs, master %s, %d "
                        + "partitions, treeAggregate depth %d)%n"
                        + "accuracy: %.4f%n"
                        + "max parameter difference vs single JVM: %.3e%n"
                        + "held-out examples: %d; examples used per epoch: %s%n"
                        + "time per epoch (median): Spark %.3f s, single JVM %.3f s%n"
                        + "driver/executor split per epoch (mean): driver %.3f s, Spark jobs %.3f s (%d steps, %.1f ms"
                        + " each), gradient compute on executors %.3f s summed over tasks%n"
                        + "plot: spark-loss.png (training loss of both runs)",
                BATCH, epochs, master, many.partitions(), many.aggregationDepth(), accuracy, difference, tested,
                reports.stream().map(r -> Long.toString(r.examples())).distinct().toList(), median(spark), median(single), driver, jobs, steps, 1e3 * jobs / steps,
                compute);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
