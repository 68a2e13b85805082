/**
 * Data for training: {@link dev.cotangent.nn.data.Dataset}, an immutable labelled set for classification
 * (features with one example per leading index, integer class labels) with subsets, a seeded train/test split,
 * scaling and reshaping; the {@code dev.cotangent.nn.train.Trainer} shuffles it and cuts it into mini-batches.
 * Loading files is the examples' business (cotangent-examples' {@code Digits}), not the library's. Uses
 * cotangent-core's public API only.
 */
package dev.cotangent.nn.data;
