/**
 * The Spark measurements of the README's "Training on Spark" section: {@link dev.cotangent.bench.spark.SparkBench}
 * times the per-step cost of synchronous data-parallel training against the parameter count, and full-batch
 * logistic regression on synthetic rows on one JVM, on Spark local[1] and local[2], and with Spark MLlib's
 * LogisticRegression. Spark comes from the class path (provided), as for the demo.
 *
 * <p>Direction: uses cotangent-spark, cotangent-nn and core's public API; nothing depends on it.
 */
package dev.cotangent.bench.spark;
