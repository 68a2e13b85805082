package dev.cotangent.nn.data;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.SplittableRandom;

/**
 * A labelled data set for classification: features {@code x} of shape [n, features...] (one example per
 * leading index) and integer labels in [0, classes). Immutable.
 */
public record Dataset(NDArray x, int[] labels, int classes) {
    /** A train/test pair. */
    public record Split(Dataset train, Dataset test) {}

    public Dataset {
        if (x.rank() < 1 || x.dims().dim(0) != labels.length) {
            throw new IllegalArgumentException("Dataset: features of shape " + x.dims() + " for " + labels.length
                    + " labels; give one row per label");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("Dataset: label " + labels[i] + " of example " + i
                        + " is not in [0, " + classes + ")");
            }
        }
    }

    public int size() {
        return labels.length;
    }

    /** The examples at {@code idx}, in that order. */
    public Dataset subset(int[] idx) {
        int row = x.size() / Math.max(1, size());
        double[] src = x.unsafeData();
        double[] d = new double[idx.length * row];
        int[] l = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(src, idx[i] * row, d, i * row, row);
            l[i] = labels[idx[i]];
        }
        int[] dims = x.shape();
        dims[0] = idx.length;
        return new Dataset(NDArray.wrap(Shape.of(dims), d), l, classes);
    }

    /** The first {@code n} examples. */
    public Dataset head(int n) {
        int[] idx = new int[Math.min(n, size())];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        return subset(idx);
    }

    /** A seeded shuffle, then the last {@code testFraction} of the examples as the test set. */
    public Split split(double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("split: test fraction " + testFraction + " must be in (0, 1)");
        }
        int[] perm = permutation(size(), new SplittableRandom(seed));
        int nTest = (int) Math.round(testFraction * size());
        int nTrain = size() - nTest;
        int[] tr = java.util.Arrays.copyOfRange(perm, 0, nTrain);
        int[] te = java.util.Arrays.copyOfRange(perm, nTrain, size());
        return new Split(subset(tr), subset(te));
    }

    /** The features as a concrete tensor. */
    public Tensor features() {
        return Tensor.from(x);
    }

    /** Every feature multiplied by {@code factor} (e.g. 1/16 for 4-bit pixel counts). */
    public Dataset scaled(double factor) {
        return new Dataset(x.mul(NDArray.scalar(factor)), labels, classes);
    }

    /** The features reshaped (same number of values per example), e.g. [n, 64] to [n, 8, 8] for sequences. */
    public Dataset reshaped(int... exampleDims) {
        int[] dims = new int[exampleDims.length + 1];
        dims[0] = size();
        System.arraycopy(exampleDims, 0, dims, 1, exampleDims.length);
        return new Dataset(x.reshape(dims), labels, classes);
    }

    /** A seeded Fisher–Yates permutation of 0..n−1. */
    public static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
