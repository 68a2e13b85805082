package dev.cotangent.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.Tensor;
import dev.cotangent.examples.data.Digits;
import dev.cotangent.examples.report.Progress;
import dev.cotangent.nn.Activation;
import dev.cotangent.nn.MLP;
import dev.cotangent.nn.Params;
import dev.cotangent.nn.data.Dataset;
import dev.cotangent.nn.optim.Adam;
import dev.cotangent.nn.optim.GradientDescent;
import dev.cotangent.nn.train.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The training loop on the digits: learning, seeded reproducibility, early stopping, and quiet output off a
 * terminal through the progress listener (nn's TrainingListenerTest covers the loop on synthetic data).
 */
class TrainerTest {
    static final Dataset DATA = Digits.load().scaled(1.0 / 16).head(200);
    static final MLP MODEL = new MLP(new int[] {64, 16, 10}, Activation.TANH, Activation.IDENTITY);

    static Trainer.Result train(int epochs, int patience, dev.cotangent.nn.optim.Optimizer<?> opt, PrintStream log) {
        Dataset.Split s = DATA.split(0.25, 3);
        return Trainer.fit(MODEL, MODEL.init(1), opt, s.train(), s.test(),
                new Trainer.Config(epochs, 16, 5, patience, 1e-4), Progress.listener(Progress.Mode.LINES, log));
    }

    @Test
    void learnsAndIsReproducible() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Trainer.Result a = train(8, 0, Adam.adam(1e-2), quiet);
        Trainer.Result b = train(8, 0, Adam.adam(1e-2), quiet);
        var h = a.history();
        assertEquals(8, h.epochs());
        assertTrue(h.trainLoss().get(7) < 0.5 * h.trainLoss().get(0), h.trainLoss().toString());
        assertTrue(h.validationAccuracy().get(7) > 0.6, h.validationAccuracy().toString());
        assertArrayEquals(Params.flatten(a.params()), Params.flatten(b.params()), 0.0);
        assertTrue(h.examplesPerSecond() > 0);
    }

    @Test
    void stopsEarlyWhenValidationStopsImproving() {
        // A zero learning rate: the validation loss never improves after epoch 1.
        Trainer.Result r = train(50, 3, new GradientDescent(0.0), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(4, r.history().epochs());
        assertTrue(r.history().stoppedEarly());
        assertEquals(1, r.history().bestEpoch());
        Map<String, Tensor> init = MODEL.init(1);
        assertArrayEquals(Params.flatten(init), Params.flatten(r.params()), 0.0);
    }

    @Test
    void offATerminalItPrintsOneLinePerEpochAndNoBar() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(buf, true, StandardCharsets.UTF_8);
        assertEquals(Progress.Mode.LINES, Progress.resolve(Progress.Mode.AUTO, log));
        Dataset.Split s = DATA.split(0.25, 3);
        Trainer.fit(MODEL, MODEL.init(1), new GradientDescent(0.1), s.train(), s.test(),
                new Trainer.Config(3, 16, 5, 0, 0), Progress.listener(Progress.Mode.AUTO, log));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(3, out.lines().count(), out);
        assertTrue(!out.contains("\r"), "carriage returns mean a progress bar: " + out);
        assertTrue(out.lines().allMatch(l -> l.startsWith("epoch") && l.contains("val acc")), out);
    }
}
