package dev.cotangent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.Tensor;
import dev.cotangent.nn.Activation;
import dev.cotangent.nn.MLP;
import dev.cotangent.nn.optim.Adam;
import dev.cotangent.nn.optim.GradientDescent;
import dev.cotangent.nn.optim.Optimizer;
import dev.cotangent.nn.train.Trainer;
import dev.cotangent.nn.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spark on local[2] with 4 partitions trains to the same parameters as the single-JVM Trainer (same seed, data
 * order and global batch) to 1e-12 relative after several epochs, with two optimisers; and every epoch uses every
 * example exactly once. Rows of a Dataset train as the same examples in an RDD do.
 */
class SameAsSingleJvmTest {
    static final int N = 603; // not a multiple of the batch: the last step of each epoch is short
    static final int EPOCHS = 5;
    static final int BATCH = 40;
    static final long SEED = 11;
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static ModuleLoss loss() {
        return ModuleLoss.crossEntropy(() -> new MLP(new int[] {Synthetic.FEATURES, 16, Synthetic.CLASSES},
                Activation.TANH, Activation.IDENTITY));
    }

    <S> void agrees(Optimizer<S> optimizer) {
        List<Example> examples = Synthetic.examples(N, 3);
        ModuleLoss loss = loss();
        Map<String, Tensor> init = loss.module().init(5);
        dev.cotangent.nn.data.Dataset data = Synthetic.dataset(examples);
        Trainer.Result one = Trainer.fit(loss.module(), init, optimizer, data, null,
                new Trainer.Config(EPOCHS, BATCH, SEED, 0, 0.0), TrainingListener.SILENT);

        JavaRDD<Example> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(examples, 4);
        List<EpochReport> heard = new ArrayList<>();
        SparkTrainer.Result many = SparkTrainer.fit(rdd, loss, init, optimizer,
                new SparkTrainer.Config(EPOCHS, BATCH, SEED), heard::add);

        assertEquals(4, many.partitions());
        double moved = Agreement.maxRelativeDifference(one.params(), init);
        assertTrue(moved > 0.05, "training must move the parameters for the comparison to mean anything: " + moved);
        double d = Agreement.maxRelativeDifference(many.params(), one.params());
        assertTrue(d < 1e-12, "Spark vs single JVM after " + EPOCHS + " epochs: max relative difference " + d);
        // the per-epoch training loss agrees too (different summation order: rounding level)
        for (int e = 0; e < EPOCHS; e++) {
            assertEquals(one.history().trainLoss().get(e), many.epochs().get(e).trainLoss(), 1e-12);
        }
        // nothing lost or duplicated: each epoch saw every example once, in ceil(N / BATCH) steps
        assertEquals(heard, many.epochs());
        for (EpochReport r : many.epochs()) {
            assertEquals(N, r.examples(), "examples in epoch " + r.epoch());
            assertEquals((N + BATCH - 1) / BATCH, r.steps(), "steps in epoch " + r.epoch());
        }
    }

    @Test
    void adamAgreesWithTheSingleJvmTrainer() {
        agrees(Adam.adam(0.02));
    }

    @Test
    void aDatasetOfNumericColumnsTrainsLikeTheSameExamplesAsAnRdd() {
        List<Example> examples = Synthetic.examples(200, 6);
        StructType schema = new StructType().add("y", DataTypes.IntegerType);
        List<String> columns = new ArrayList<>();
        for (int j = 0; j < Synthetic.FEATURES; j++) {
            schema = schema.add("f" + j, DataTypes.DoubleType);
            columns.add("f" + j);
        }
        List<Row> rows = new ArrayList<>();
        for (Example e : examples) {
            Object[] values = new Object[Synthetic.FEATURES + 1];
            values[0] = (int) e.label();
            for (int j = 0; j < Synthetic.FEATURES; j++) values[j + 1] = e.features()[j];
            rows.add(RowFactory.create(values));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Dataset<Row> frame = spark.createDataFrame(jsc.parallelize(rows, 3), schema);
        ModuleLoss loss = loss();
        Map<String, Tensor> init = loss.module().init(4);
        SparkTrainer.Config cfg = new SparkTrainer.Config(2, 30, 3);
        SparkTrainer.Result fromRows = SparkTrainer.fit(frame, "y", columns, loss, init, Adam.adam(0.01), cfg,
                r -> { });
        SparkTrainer.Result fromRdd = SparkTrainer.fit(jsc.parallelize(examples, 3), loss, init, Adam.adam(0.01),
                cfg, r -> { });
        assertEquals(0.0, Agreement.maxRelativeDifference(fromRows.params(), fromRdd.params()));
        assertTrue(Agreement.maxRelativeDifference(fromRows.params(), init) > 1e-3, "training moved nothing");
    }

    @Test
    void aTextFeatureColumnIsRefusedNamingItsType() {
        StructType schema = new StructType().add("y", DataTypes.DoubleType).add("name", DataTypes.StringType);
        Dataset<Row> frame = spark.createDataFrame(List.of(RowFactory.create(1.0, "a")), schema);
        ModuleLoss loss = loss();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkTrainer.fit(frame, "y",
                List.of("name"), loss, loss.module().init(1), Adam.adam(0.01), new SparkTrainer.Config(1, 1, 1),
                r -> { }));
        assertTrue(e.getMessage().contains("feature column 'name' is string"), e.getMessage());
    }

    @Test
    void gradientDescentAgreesWithTheSingleJvmTrainer() {
        agrees(new GradientDescent(0.5));
    }
}
