package dev.cotangent.nn.train;

import java.util.List;

/**
 * What a training run measured, one entry per epoch: mean training loss, training accuracy (over the epoch's
 * batches, as trained), validation loss and accuracy (NaN without a validation set), training throughput
 * (examples through forward, backward and update per second, evaluation excluded); and the totals.
 */
public record History(List<Double> trainLoss, List<Double> trainAccuracy, List<Double> validationLoss,
                      List<Double> validationAccuracy, List<Double> epochExamplesPerSecond, int bestEpoch,
                      boolean stoppedEarly, double trainSeconds, long examplesSeen) {
    /** The median over epochs of the per-epoch throughput (robust to JIT warm-up in the first epochs). */
    public double medianEpochExamplesPerSecond() {
        double[] v = epochExamplesPerSecond.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1]
                + v[v.length / 2]);
    }

    /** Overall training throughput: examples through forward + backward + update per second of training time. */
    public double examplesPerSecond() {
        return examplesSeen / trainSeconds;
    }

    public int epochs() {
        return trainLoss.size();
    }
}
