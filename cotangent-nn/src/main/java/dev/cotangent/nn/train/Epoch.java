package dev.cotangent.nn.train;

/**
 * One epoch of a {@link Trainer} run as a {@link TrainingListener} hears it: the mean training loss and accuracy,
 * the validation loss and accuracy (NaN without a validation set), and this epoch's training throughput (examples
 * per second of its training time, evaluation excluded): the same per-epoch numbers whose median
 * {@link History#medianEpochExamplesPerSecond()} reports, so a log and its summary agree.
 *
 * @param epoch  this epoch, from 1
 * @param epochs the most epochs the run will train
 */
public record Epoch(int epoch, int epochs, double trainLoss, double trainAccuracy, double validationLoss,
                    double validationAccuracy, double examplesPerSecond) {
    /** Whether the run has a validation set (its numbers are not NaN). */
    public boolean validated() {
        return !Double.isNaN(validationLoss);
    }

    /** The full summary: {@code epoch   3/40  loss 0.1234  train acc 0.9700  val loss ...  val acc ...  12345 ex/s}. */
    public String line() {
        String line = String.format("epoch %3d/%d  loss %.4f  train acc %.4f", epoch, epochs, trainLoss,
                trainAccuracy);
        if (validated()) line += String.format("  val loss %.4f  val acc %.4f", validationLoss, validationAccuracy);
        return line + String.format("  %.0f ex/s", examplesPerSecond);
    }

    /** A short form for a progress bar: the validation accuracy, or the training loss without validation. */
    public String brief() {
        return validated() ? String.format("ep %d val acc %.4f", epoch, validationAccuracy)
                : String.format("ep %d loss %.4f", epoch, trainLoss);
    }
}
