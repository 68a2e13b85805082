package dev.cotangent.spark;

/**
 * One epoch of a {@link SparkTrainer} run: the mean training loss over the epoch's batches (as trained, before
 * each step), how many examples the executors used (the data set's size, checked), and where the time went.
 *
 * @param epoch           this epoch, from 1
 * @param trainLoss       the example-weighted mean of the batch losses
 * @param examples        examples used this epoch, summed over partitions and steps
 * @param steps           optimiser steps (Spark jobs) this epoch
 * @param seconds         wall time of the epoch
 * @param driverSeconds   time on the driver outside Spark jobs: raveling, the optimiser step, making broadcasts
 * @param jobSeconds      wall time of the steps' Spark jobs (broadcast, tasks, tree aggregation)
 * @param computeSeconds  the executors' time in the gradient itself, summed over tasks (over cores, in parallel)
 */
public record EpochReport(int epoch, double trainLoss, long examples, int steps, double seconds,
                          double driverSeconds, double jobSeconds, double computeSeconds) {
    /** Milliseconds per step of Spark's own work: job wall time minus the executors' compute over the cores. */
    public double overheadMillisPerStep(int cores) {
        return 1e3 * (jobSeconds - computeSeconds / cores) / steps;
    }

    /** {@code epoch 3: loss 0.1234, 1437 examples in 23 steps, 1.20 s (driver 0.05 s, Spark jobs 1.15 s, ...)}. */
    public String line() {
        return String.format("epoch %d: loss %.4f, %d examples in %d steps, %.2f s (driver %.3f s, Spark jobs %.3f s,"
                + " of which gradient compute %.3f s summed over tasks)", epoch, trainLoss, examples, steps, seconds,
                driverSeconds, jobSeconds, computeSeconds);
    }
}
