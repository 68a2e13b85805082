package dev.cotangent.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGrads;
import dev.cotangent.examples.data.Digits;
import dev.cotangent.examples.report.Progress;
import dev.cotangent.nn.Activation;
import dev.cotangent.nn.Losses;
import dev.cotangent.nn.MLP;
import dev.cotangent.nn.ParamsFile;
import dev.cotangent.nn.data.Dataset;
import dev.cotangent.nn.optim.Adam;
import dev.cotangent.nn.optim.Optimizer;
import dev.cotangent.nn.optim.Schedule;
import dev.cotangent.nn.train.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of docs/nn.md compiles and runs (fewer epochs, output swallowed). */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void readmeExample() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        var model = new MLP(new int[] {64, 128, 10}, Activation.RELU, Activation.IDENTITY);
        Map<String, Tensor> params = model.init(42);
        Dataset.Split split = Digits.load().scaled(1.0 / 16).split(0.2, 2024);
        Dataset.Split tv = split.train().split(0.1, 1);
        var result = Trainer.fit(model, params, Adam.adam(1e-3), tv.train(), tv.test(),
                new Trainer.Config(2, 32, 7, 10, 1e-4), Progress.listener(Progress.Mode.AUTO, out));
        double acc = Losses.accuracy(model.apply(result.params(), split.test().features()), split.test().labels());
        assertTrue(acc > 0.8, "accuracy " + acc);
        ParamsFile.save(result.params(), dir.resolve("mlp.params"));

        Tensor x = split.test().features();
        int[] labels = split.test().labels();
        Optimizer<Adam.State> opt = Adam.adamW(Schedule.cosine(3e-3, 1000, 1e-5), 1e-4);
        Adam.State state = opt.init(params);
        ValueAndGrads vg = AD.valueAndGrad(p -> Losses.softmaxCrossEntropy(model.apply(p, x), labels), params);
        Optimizer.Update<Adam.State> u = opt.step(params, vg.grads(), state);
        assertEquals(1, u.state().step());
    }
}
