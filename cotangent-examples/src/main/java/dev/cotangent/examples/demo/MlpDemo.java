package dev.cotangent.examples.demo;

import dev.cotangent.nn.Activation;
import dev.cotangent.nn.MLP;
import dev.cotangent.nn.optim.Adam;
import dev.cotangent.nn.optim.Schedule;
import java.io.PrintStream;
import java.nio.file.Path;

/** A 64-128-10 ReLU perceptron on the digits, trained with Adam and a cosine schedule. */
public final class MlpDemo {
    private MlpDemo() {}

    public static String run(Path out, PrintStream log, boolean quick) {
        var cfg = DigitsDemo.config(40, 32, 10, 1e-4, quick);
        int steps = cfg.epochs() * 41;
        var model = new MLP(new int[] {64, 128, 10}, Activation.RELU, Activation.IDENTITY);
        var o = DigitsDemo.run("mlp", model, 1, Adam.adam(Schedule.cosine(3e-3, steps, 1e-4)), cfg, d -> d, quick,
                out, log);
        return DigitsDemo.summary("mlp", "64-128-10 ReLU MLP, Adam", o);
    }
}
