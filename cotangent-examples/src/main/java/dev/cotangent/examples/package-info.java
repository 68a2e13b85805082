/**
 * Runnable examples of Cotangent, not part of the library jars: the demos ({@link dev.cotangent.examples.Demos},
 * behind {@code cotangent demo NAME}), the handwritten-digits data set they train on, PNG plots (XChart) and the
 * console progress bar (me.tongfei:progressbar) that plugs into cotangent-nn's trainer as a listener. A newcomer
 * starts with {@link dev.cotangent.examples.demo.MlpDemo}, the shortest complete training run.
 */
package dev.cotangent.examples;
