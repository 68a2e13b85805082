package dev.cotangent.nn.train;

import java.util.List;

/**
 * What a training run measured, one entry per epoch: mean training loss, training accuracy (over the epoch's
 * batches, as trained), validation loss and accuracy (NaN without a validation set), and timing.
 */
public record History(List<Double> trainLoss, List<Double> trainAccuracy, List<Double> validationLoss,
                      List<Double> validationAccuracy, int bestEpoch, boolean stoppedEarly, double trainSeconds,
                      long examplesSeen) {
    /** Training throughput: examples through forward + backward + update per second of training time. */
    public double examplesPerSecond() {
        return examplesSeen / trainSeconds;
    }

    public int epochs() {
        return trainLoss.size();
    }
}
