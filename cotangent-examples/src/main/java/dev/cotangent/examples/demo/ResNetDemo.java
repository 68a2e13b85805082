package dev.cotangent.examples.demo;

import dev.cotangent.nn.Activation;
import dev.cotangent.nn.ResNet;
import dev.cotangent.nn.optim.Adam;
import dev.cotangent.nn.optim.Schedule;
import java.io.PrintStream;
import java.nio.file.Path;

/** A residual network on the digits: 64 -> 64, three blocks x + θ₂ρ(θ₁x + b₁), then 64 -> 10. */
public final class ResNetDemo {
    private ResNetDemo() {}

    public static String run(Path out, PrintStream log, boolean quick) {
        var cfg = DigitsDemo.config(30, 32, 8, 1e-4, quick);
        int steps = cfg.epochs() * 41;
        var model = new ResNet(64, 64, 64, 3, 10, Activation.RELU);
        var o = DigitsDemo.run("resnet", model, 2, Adam.adamW(Schedule.cosine(2e-3, steps, 1e-4), 1e-4), cfg,
                d -> d, quick, out, log);
        return DigitsDemo.summary("resnet", "ResNet 64, 3 residual blocks, AdamW", o);
    }
}
