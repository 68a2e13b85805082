package dev.cotangent.examples.demo;

import dev.cotangent.nn.Elman;
import dev.cotangent.nn.optim.Adam;
import dev.cotangent.nn.optim.Schedule;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * An Elman network reading each digit image as a sequence of 8 rows of 8 pixels, h_{k+1} = tanh(W h_k + U x_k
 * + b), classifying from the last state: backpropagation through time by plain reverse mode.
 */
public final class RnnDemo {
    private RnnDemo() {}

    public static String run(Path out, PrintStream log, boolean quick) {
        var cfg = DigitsDemo.config(40, 32, 10, 0.0, quick);
        int steps = cfg.epochs() * 41;
        var model = new Elman(8, 64, 10);
        var o = DigitsDemo.run("rnn", model, 3, Adam.adam(Schedule.cosine(5e-3, steps, 1e-4)), cfg,
                d -> d.reshaped(8, 8), quick, out, log);
        return DigitsDemo.summary("rnn", "Elman RNN over 8 rows of 8 pixels, 64 hidden, Adam", o);
    }
}
