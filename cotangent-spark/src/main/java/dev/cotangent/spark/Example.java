package dev.cotangent.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One training example as it travels in a {@code JavaRDD}: its features and its label (a class index stored as a
 * double, a 0/1 target, or a regression target). Immutable: the constructor and {@link #features()} copy.
 *
 * @param features the example's features, in the order the model reads them
 * @param label    its label
 */
public record Example(double[] features, double label) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Keeps a copy of {@code features}. */
    public Example {
        features = features.clone();
    }

    /** A copy of the features. */
    @Override
    public double[] features() {
        return features.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Example e && Arrays.equals(features, e.features)
                && Double.compare(label, e.label) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(features) + Double.hashCode(label);
    }

    @Override
    public String toString() {
        return "Example(" + Arrays.toString(features) + ", label " + label + ")";
    }

    /** The features without a copy, for the block builder of this package (which copies them once). */
    double[] unsafeFeatures() {
        return features;
    }
}
