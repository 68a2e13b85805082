package dev.cotangent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.Tensor;
import dev.cotangent.nn.data.Dataset;
import dev.cotangent.nn.optim.GradientDescent;
import dev.cotangent.nn.optim.Optimizer;
import dev.cotangent.nn.train.Epoch;
import dev.cotangent.nn.train.History;
import dev.cotangent.nn.train.Trainer;
import dev.cotangent.nn.train.TrainingListener;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The trainer's reporting hook, on a small synthetic data set: what a listener hears, and the plain default. */
class TrainingListenerTest {
    /** Three well-separated Gaussian blobs in R^4, 30 points each, seeded. */
    static Dataset blobs() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 90;
        double[] x = new double[n * 4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 4; j++) x[i * 4 + j] = (j == y[i] ? 3.0 : 0.0) + 0.5 * rng.nextGaussian();
        }
        return new Dataset(NDArray.wrap(Shape.of(n, 4), x), y, 3);
    }

    static final MLP MODEL = new MLP(new int[] {4, 8, 3}, Activation.TANH, Activation.IDENTITY);

    /** Everything a listener was told, in order. */
    static final class Recorder implements TrainingListener {
        final List<String> calls = new ArrayList<>();
        long examples;
        final List<Epoch> epochs = new ArrayList<>();
        final List<History> histories = new ArrayList<>();

        @Override
        public void start(long totalExamples) {
            calls.add("start " + totalExamples);
        }

        @Override
        public void step(int epoch, int n, double loss) {
            calls.add("step");
            examples += n;
            assertTrue(Double.isFinite(loss));
        }

        @Override
        public void epoch(Epoch epoch, History soFar) {
            calls.add("epoch " + epoch.epoch());
            epochs.add(epoch);
            histories.add(soFar);
        }

        @Override
        public void end() {
            calls.add("end");
        }
    }

    @Test
    void aListenerHearsStartEveryStepEveryEpochWithTheHistoryAndEnd() {
        Dataset.Split s = blobs().split(0.2, 1); // 72 train, 18 validation
        Recorder r = new Recorder();
        Trainer.Result result = Trainer.fit(MODEL, MODEL.init(1), new GradientDescent(0.3), s.train(), s.test(),
                new Trainer.Config(4, 16, 2, 0, 0), r);
        assertEquals("start " + 4 * 72, r.calls.get(0));
        assertEquals("end", r.calls.get(r.calls.size() - 1));
        assertEquals(4 * 5, r.calls.stream().filter(c -> c.equals("step")).count()); // ⌈72/16⌉ = 5 steps an epoch
        assertEquals(4 * 72, r.examples);
        History h = result.history();
        for (int e = 1; e <= 4; e++) {
            Epoch ep = r.epochs.get(e - 1);
            assertEquals(e, ep.epoch());
            assertEquals(4, ep.epochs());
            assertEquals(e, r.histories.get(e - 1).epochs());
            assertEquals(h.trainLoss().get(e - 1), ep.trainLoss());
            assertEquals(h.validationAccuracy().get(e - 1), ep.validationAccuracy());
            assertTrue(ep.validated());
            // the epoch line's throughput is the epoch's own, the numbers whose median the summary reports
            assertEquals(h.epochExamplesPerSecond().get(e - 1), ep.examplesPerSecond());
            // the training accuracy is counted from the logits that came out of the gradient pass (an auxiliary
            // result): whole examples out of 72
            assertEquals(0.0, Math.IEEEremainder(ep.trainAccuracy() * 72, 1), 1e-9);
        }
        assertTrue(h.validationAccuracy().get(3) > 0.9, h.validationAccuracy().toString()); // it learnt
    }

    @Test
    void byDefaultItPrintsOnePlainLinePerEpoch() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(buf, true, StandardCharsets.UTF_8);
        Dataset.Split s = blobs().split(0.2, 1);
        Trainer.fit(MODEL, MODEL.init(1), new GradientDescent(0.3), s.train(), s.test(),
                new Trainer.Config(3, 16, 2, 0, 0), log);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(3, out.lines().count(), out);
        assertFalse(out.contains("\r"), out);
        assertTrue(out.lines().allMatch(l -> l.startsWith("epoch") && l.contains("val acc") && l.endsWith("ex/s")),
                out);
        // without a validation set the line has no validation numbers
        buf.reset();
        Trainer.fit(MODEL, MODEL.init(1), new GradientDescent(0.3), s.train(), null, new Trainer.Config(1, 16, 2, 0, 0),
                log);
        assertTrue(buf.toString(StandardCharsets.UTF_8).startsWith("epoch   1/1  loss "), buf.toString());
        assertFalse(buf.toString(StandardCharsets.UTF_8).contains("val"));
    }

    @Test
    void theListenerHearsTheEndWhenTrainingThrows() {
        Optimizer<GradientDescent.State> broken = new Optimizer<>() {
            @Override
            public GradientDescent.State init(Map<String, Tensor> params) {
                return new GradientDescent.State(0);
            }

            @Override
            public Update<GradientDescent.State> step(Map<String, Tensor> params, Map<String, Tensor> grads,
                                                      GradientDescent.State state) {
                throw new IllegalStateException("broken optimiser");
            }
        };
        Recorder r = new Recorder();
        assertThrows(IllegalStateException.class, () -> Trainer.fit(MODEL, MODEL.init(1), broken, blobs(), null,
                new Trainer.Config(2, 16, 2, 0, 0), r));
        assertEquals(List.of("start 180", "end"), r.calls);
    }
}
