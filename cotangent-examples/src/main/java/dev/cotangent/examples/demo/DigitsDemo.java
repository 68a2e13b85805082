package dev.cotangent.examples.demo;

import dev.cotangent.Config;
import dev.cotangent.Tensor;
import dev.cotangent.examples.data.Digits;
import dev.cotangent.examples.report.Plots;
import dev.cotangent.examples.report.Progress;
import dev.cotangent.nn.Losses;
import dev.cotangent.nn.Module;
import dev.cotangent.nn.Params;
import dev.cotangent.nn.data.Dataset;
import dev.cotangent.nn.optim.Optimizer;
import dev.cotangent.nn.train.Trainer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The digits classifiers (mlp, resnet, rnn) share this: a seeded 80/20 train/test split of the shipped digits
 * (pixels scaled to [0, 1]), 10% of the training part held out again for early stopping, training, then the
 * accuracy on the untouched 20% test part, and loss/accuracy curves as PNG.
 */
final class DigitsDemo {
    static final long SPLIT_SEED = 2024;

    private DigitsDemo() {}

    /** What a run measured. */
    record Outcome(double testAccuracy, int testSize, int correct, int epochs, boolean stoppedEarly, double seconds,
                   double epochExamplesPerSecond, int parameters) {}

    static <S> Outcome run(String name, Module model, long initSeed, Optimizer<S> opt, Trainer.Config cfg,
                           UnaryOperator<Dataset> shape, boolean quick, Path out, PrintStream log) {
        Dataset all = shape.apply(Digits.load().scaled(1.0 / 16));
        if (quick) all = all.head(300);
        Dataset.Split split = all.split(0.2, SPLIT_SEED);
        Dataset.Split tv = split.train().split(0.1, SPLIT_SEED + 1);
        Map<String, Tensor> params = model.init(initSeed);
        log.printf("%s: %d train / %d validation / %d test examples, %d parameters, BLAS threads %s%n", name,
                tv.train().size(), tv.test().size(), split.test().size(), Params.count(params), threads());
        long t0 = System.nanoTime();
        Trainer.Result r = Trainer.fit(model, params, opt, tv.train(), tv.test(), cfg,
                Progress.listener(Progress.Mode.AUTO, log));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Tensor logits = model.apply(r.params(), split.test().features());
        double acc = Losses.accuracy(logits, split.test().labels());
        var h = r.history();
        Map<String, Plots.Series> loss = new LinkedHashMap<>();
        loss.put("train loss", Plots.Series.ofEpochs(h.trainLoss()));
        loss.put("validation loss", Plots.Series.ofEpochs(h.validationLoss()));
        Plots.lines(out.resolve(name + "-loss.png"), name + " on digits: cross-entropy", "epoch", "loss", loss, true);
        Map<String, Plots.Series> accs = new LinkedHashMap<>();
        accs.put("train accuracy", Plots.Series.ofEpochs(h.trainAccuracy()));
        accs.put("validation accuracy", Plots.Series.ofEpochs(h.validationAccuracy()));
        Plots.lines(out.resolve(name + "-accuracy.png"), name + " on digits: accuracy", "epoch", "accuracy", accs,
                false);
        int n = split.test().size();
        return new Outcome(acc, n, (int) Math.round(acc * n), h.epochs(), h.stoppedEarly(), seconds,
                h.medianEpochExamplesPerSecond(), Params.count(params));
    }

    static String summary(String name, String arch, Outcome o) {
        return String.format("%s (%s, %d parameters): held-out accuracy %.4f (%d/%d) on a seeded 20%% split; "
                        + "%d epochs%s in %.1f s; %.0f images/s training throughput (median epoch, BLAS threads %s); "
                        + "plots %s-loss.png, %s-accuracy.png",
                name, arch, o.parameters(), o.testAccuracy(), o.correct(), o.testSize(), o.epochs(),
                o.stoppedEarly() ? " (early stop)" : "", o.seconds(), o.epochExamplesPerSecond(), threads(), name, name);
    }

    /** OpenBLAS reports -1 until its thread count is set explicitly; say "default" then. */
    static String threads() {
        int t = Config.blasThreads();
        return t > 0 ? Integer.toString(t) : "default";
    }

    static Trainer.Config config(int epochs, int batch, int patience, double l2, boolean quick) {
        return new Trainer.Config(quick ? Math.min(epochs, 3) : epochs, batch, 7, patience, l2);
    }
}
