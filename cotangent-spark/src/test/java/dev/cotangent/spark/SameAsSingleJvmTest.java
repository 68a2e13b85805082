package dev.cotangent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.Tensor;
import dev.cotangent.nn.Activation;
import dev.cotangent.nn.MLP;
import dev.cotangent.nn.data.Dataset;
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
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spark on local[2] with 4 partitions trains to the same parameters as the single-JVM Trainer (same seed, data
 * order and global batch) to 1e-12 relative after several epochs, with two optimisers; and every epoch uses every
 * example exactly once.
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
        Dataset data = Synthetic.dataset(examples);
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
    void gradientDescentAgreesWithTheSingleJvmTrainer() {
        agrees(new GradientDescent(0.5));
    }
}
