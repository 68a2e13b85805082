package dev.cotangent.nn.train;

import java.io.PrintStream;

/**
 * What a {@link Trainer} run tells as it goes: {@link #start} once, {@link #step} after every optimiser step,
 * {@link #epoch} after every epoch with the history so far, and {@link #end} once, also when training stops
 * early or throws. Every method does nothing by default, so a listener overrides only what it needs. The
 * library brings two: {@link #lines} (one plain line per epoch, what {@code Trainer.fit(..., PrintStream)}
 * uses) and {@link #SILENT}; cotangent-examples adds a console progress bar.
 */
public interface TrainingListener {
    /** Hears nothing, prints nothing. */
    TrainingListener SILENT = new TrainingListener() {};

    /** Before the first step: the examples a full run trains on (epochs × training-set size). */
    default void start(long totalExamples) {}

    /** After each optimiser step: the epoch (from 1), the examples in the batch and the batch's loss. */
    default void step(int epoch, int examples, double loss) {}

    /** After each epoch: its numbers, and the run's history up to and including it. */
    default void epoch(Epoch epoch, History soFar) {}

    /** After the last step, however training ended. */
    default void end() {}

    /** One line per epoch ({@link Epoch#line()}) on {@code log}, nothing else. */
    static TrainingListener lines(PrintStream log) {
        return new TrainingListener() {
            @Override
            public void epoch(Epoch epoch, History soFar) {
                log.println(epoch.line());
            }
        };
    }
}
