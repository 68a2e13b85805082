package dev.cotangent.spark;

import dev.cotangent.Tensor;

/**
 * The examples of one partition that belong to one step's global batch, as a {@link BatchLoss} sees them: the
 * features as a [rows, features] tensor and the labels, rows in the order of the epoch's permutation.
 *
 * @param features one example per row
 * @param labels   one label per row (not copied: read only)
 */
public record Batch(Tensor features, double[] labels) {
    /** Checks that there is one label per row. */
    public Batch {
        if (features.rank() != 2 || features.dims().dim(0) != labels.length) {
            throw new IllegalArgumentException("Batch: features of shape " + features.dims() + " for "
                    + labels.length + " labels; give a [rows, features] tensor with one row per label");
        }
    }

    /** The number of examples. */
    public int size() {
        return labels.length;
    }

    /** The labels as class indices (for {@code Losses.softmaxCrossEntropy}); each label must be a whole number. */
    public int[] classes() {
        int[] c = new int[labels.length];
        for (int i = 0; i < c.length; i++) {
            if (labels[i] != Math.rint(labels[i])) {
                throw new IllegalArgumentException("Batch.classes: label " + labels[i] + " of row " + i
                        + " is not a class index; use labels() for real-valued targets");
            }
            c[i] = (int) labels[i];
        }
        return c;
    }

    /** The labels as a 1-d tensor (for {@code Losses.logistic} or {@code Losses.mse}). */
    public Tensor labelTensor() {
        return Tensor.of(labels.clone());
    }
}
