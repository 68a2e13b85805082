package dev.cotangent.nn.train;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Training progress on the console. On a terminal: a live progress bar (me.tongfei.progressbar) counting
 * examples, with throughput and the latest loss as its message. Elsewhere (CI logs, pipes, tests): no bar, which
 * would otherwise print a line per refresh, just one line per epoch; or nothing at all.
 */
public final class Progress implements AutoCloseable {
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

    private final ProgressBar bar;
    private final PrintStream log;
    private final Mode mode;

    private Progress(Mode mode, ProgressBar bar, PrintStream log) {
        this.mode = mode;
        this.bar = bar;
        this.log = log;
    }

    /** Starts reporting a task of {@code total} examples to {@code log}. */
    public static Progress start(Mode mode, String task, long total, PrintStream log) {
        Mode m = resolve(mode, log);
        if (m != Mode.BAR) return new Progress(m, null, log);
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" ex", 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(log))
                .build();
        return new Progress(m, bar, log);
    }

    /** The mode AUTO stands for here: BAR on an interactive terminal, LINES otherwise. */
    public static Mode resolve(Mode mode, PrintStream log) {
        if (mode != Mode.AUTO) return mode;
        return System.console() != null && log == System.out ? Mode.BAR : Mode.LINES;
    }

    /** {@code examples} more done; {@code message} (short: the current loss) shown on the bar. */
    public void advance(long examples, String message) {
        if (bar != null) {
            bar.stepBy(examples);
            bar.setExtraMessage(" " + message);
        }
    }

    /**
     * The end of an epoch: {@code brief} goes on the bar; {@code line}, the full summary, is printed on a line
     * of its own in LINES mode.
     */
    public void epoch(String brief, String line) {
        if (bar != null) bar.setExtraMessage(" " + brief);
        else if (mode == Mode.LINES) log.println(line);
    }

    /** Ends the bar at 100% even if training stopped early. */
    @Override
    public void close() {
        if (bar != null) {
            bar.maxHint(bar.getCurrent());
            bar.close();
        }
    }
}
