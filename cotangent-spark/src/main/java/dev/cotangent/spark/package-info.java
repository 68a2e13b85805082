/**
 * Synchronous data-parallel training on Apache Spark: {@link dev.cotangent.spark.SparkTrainer} trains a parameter
 * tree on a {@code JavaRDD} or {@code Dataset<Row>} of examples with the user's {@link dev.cotangent.spark.BatchLoss}
 * (the same mean loss as on one machine) and any optimiser of {@code dev.cotangent.nn.optim}: the driver
 * broadcasts the flat parameters, the executors compute their share of each global batch's gradient with
 * Cotangent's AD, {@code treeAggregate} sums the shares, and the driver steps. A newcomer starts with
 * {@code SparkTrainer.fit}; {@link dev.cotangent.spark.ModuleLoss} wraps a classifier module, and
 * {@link dev.cotangent.spark.Rows} reads rows. Spark itself is a provided dependency: the cluster's Spark is used.
 *
 * <p>Direction: an application module on cotangent-core's public API (AD, Tensor, trees) and cotangent-nn's
 * optimisers, losses and modules; it uses no trace, kernel or primitive internals, and nothing depends on it but
 * the demos.
 */
package dev.cotangent.spark;
