package dev.cotangent.examples.report;

import dev.cotangent.nn.train.Epoch;
import dev.cotangent.nn.train.History;
import dev.cotangent.nn.train.TrainingListener;
import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Training progress on the console, as a {@link TrainingListener}. On a terminal: a live progress bar
 * (me.tongfei.progressbar) counting examples, with throughput and the latest loss as its message. Elsewhere (CI
 * logs, pipes, tests): no bar, which would otherwise print a line per refresh, just one line per epoch; or
 * nothing at all.
 */
public final class Progress implements TrainingListener {
    /** How to report. */
    public enum Mode {
        /** A bar when stdout is a terminal ({@code System.console() != null}) and we print to it; else LINES. */
        AUTO,
        /** Always the live bar. */
        BAR,
        /** One line per epoch. */
        LINES,
        /** Nothing. */
        SILENT
    }

    private final String task;
    private final PrintStream log;
    private ProgressBar bar;

    private Progress(String task, PrintStream log) {
        this.task = task;
        this.log = log;
    }

    /** A listener that reports a training run to {@code log} in {@code mode} (AUTO resolved here). */
    public static TrainingListener listener(Mode mode, PrintStream log) {
        return switch (resolve(mode, log)) {
            case BAR -> new Progress("train", log);
            case LINES -> TrainingListener.lines(log);
            default -> TrainingListener.SILENT;
        };
    }

    /** The mode AUTO stands for here: BAR on an interactive terminal, LINES otherwise. */
    public static Mode resolve(Mode mode, PrintStream log) {
        if (mode != Mode.AUTO) return mode;
        return System.console() != null && log == System.out ? Mode.BAR : Mode.LINES;
    }

    @Override
    public void start(long totalExamples) {
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(totalExamples)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" ex", 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(log))
                .build();
    }

    /** {@code examples} more done; the epoch and the batch's loss shown on the bar. */
    @Override
    public void step(int epoch, int examples, double loss) {
        bar.stepBy(examples);
        bar.setExtraMessage(String.format(" ep %d loss %.4f", epoch, loss));
    }

    /** The end of an epoch: its {@link Epoch#brief()} goes on the bar. */
    @Override
    public void epoch(Epoch epoch, History soFar) {
        bar.setExtraMessage(" " + epoch.brief());
    }

    /** Ends the bar at 100% even if training stopped early. */
    @Override
    public void end() {
        if (bar != null) {
            bar.maxHint(bar.getCurrent());
            bar.close();
            bar = null;
        }
    }
}
