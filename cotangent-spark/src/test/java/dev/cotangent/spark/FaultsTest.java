package dev.cotangent.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.Tensor;
import dev.cotangent.nn.optim.Adam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
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
 * Faults: a task that throws on its first attempt is retried by Spark and the trained parameters are identical to a
 * run without the fault; a bad row is reported with its partition and row, not as an executor's
 * NullPointerException. On local[2,2]: two cores, a task may fail once.
 */
class FaultsTest {
    static final int N = 240;
    /** Failures injected, counted in this JVM (local mode: the executor is this JVM). */
    static final AtomicInteger INJECTED = new AtomicInteger();
    static SparkSession spark;
    static JavaSparkContext jsc;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("local[2,2]");
        jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** The test's loss, which throws on the first attempt of partition 1's task of every step. */
    static BatchLoss failingOnFirstAttempt(BatchLoss loss) {
        return (p, b) -> {
            TaskContext task = TaskContext.get();
            if (task.partitionId() == 1 && task.attemptNumber() == 0) {
                INJECTED.incrementAndGet();
                throw new IllegalStateException("injected failure, partition 1, first attempt");
            }
            return loss.loss(p, b);
        };
    }

    @Test
    void aRetriedTaskGivesTheSameParametersAsARunWithoutTheFault() {
        List<Example> examples = Synthetic.examples(N, 8);
        JavaRDD<Example> rdd = jsc.parallelize(examples, 4);
        ModuleLoss loss = SameAsSingleJvmTest.loss();
        Map<String, Tensor> init = loss.module().init(2);
        SparkTrainer.Config cfg = new SparkTrainer.Config(3, 32, 9);
        SparkTrainer.Result clean = SparkTrainer.fit(rdd, loss, init, Adam.adam(0.01), cfg, r -> { });
        INJECTED.set(0);
        List<EpochReport> faulty = new ArrayList<>();
        SparkTrainer.Result retried = SparkTrainer.fit(rdd, failingOnFirstAttempt(loss), init, Adam.adam(0.01), cfg,
                faulty::add);
        int steps = 3 * ((N + 31) / 32);
        assertTrue(INJECTED.get() >= steps / 2, "failures injected: " + INJECTED.get() + " over " + steps + " steps");
        for (String name : clean.params().keySet()) {
            assertArrayEquals(clean.params().get(name).toArray(), retried.params().get(name).toArray(), 0.0, name);
        }
        for (EpochReport r : faulty) assertEquals(N, r.examples(), "examples in epoch " + r.epoch());
    }

    static final StructType SCHEMA = new StructType()
            .add("label", DataTypes.DoubleType)
            .add("features", DataTypes.createArrayType(DataTypes.DoubleType));

    /** 4 partitions of 10 rows from {@code rows}, as a Dataset with an array column. */
    Dataset<Row> frame(List<Row> rows) {
        return spark.createDataFrame(jsc.parallelize(rows, 4), SCHEMA);
    }

    static List<Row> goodRows() {
        List<Row> rows = new ArrayList<>();
        for (Example e : Synthetic.examples(40, 4)) rows.add(RowFactory.create(e.label(), e.features()));
        return rows;
    }

    BadExampleException badRow(int index, Row replacement) {
        List<Row> rows = goodRows();
        rows.set(index, replacement);
        ModuleLoss loss = SameAsSingleJvmTest.loss();
        return assertThrows(BadExampleException.class, () -> SparkTrainer.fit(frame(rows), "label",
                List.of("features"), loss, loss.module().init(1), Adam.adam(0.01),
                new SparkTrainer.Config(1, 8, 1), r -> { }));
    }

    @Test
    void aRowWithTheWrongNumberOfFeaturesIsReportedWithItsPartitionAndRow() {
        double[] short7 = {1, 2, 3, 4, 5, 6, 7};
        BadExampleException e = badRow(23, RowFactory.create(1.0, short7)); // partition 2 holds rows 20..29
        assertEquals(2, e.partition());
        assertEquals(3, e.row());
        assertTrue(e.getMessage().contains("partition 2, row 3") && e.getMessage().contains("7 features where the "
                + "first example has 8"), e.getMessage());
    }

    @Test
    void aNanLabelIsReportedWithItsPartitionAndRow() {
        BadExampleException e = badRow(31, RowFactory.create(Double.NaN, goodRows().get(31).get(1)));
        assertEquals(3, e.partition());
        assertEquals(1, e.row());
        assertTrue(e.getMessage().contains("the label is NaN"), e.getMessage());
    }

    @Test
    void aNullLabelIsReportedWithItsPartitionAndRowNotAsANullPointerException() {
        BadExampleException e = badRow(5, RowFactory.create(null, goodRows().get(5).get(1)));
        assertEquals(0, e.partition());
        assertEquals(5, e.row());
        assertTrue(e.getMessage().contains("column 'label' is null"), e.getMessage());
    }

    @Test
    void aMissingColumnIsNamedWithTheSchema() {
        ModuleLoss loss = SameAsSingleJvmTest.loss();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkTrainer.fit(
                frame(goodRows()), "target", List.of("features"), loss, loss.module().init(1), Adam.adam(0.01),
                new SparkTrainer.Config(1, 8, 1), r -> { }));
        assertTrue(e.getMessage().contains("no label column 'target'") && e.getMessage().contains("features:array"),
                e.getMessage());
    }
}
