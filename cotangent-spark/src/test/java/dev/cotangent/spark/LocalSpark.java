package dev.cotangent.spark;

import org.apache.spark.sql.SparkSession;

/** A SparkSession for the tests: in-process, UI off, loopback driver, few shuffle partitions, quiet. */
final class LocalSpark {
    private LocalSpark() {}

    static SparkSession start(String master) {
        return SparkSession.builder().master(master).appName("cotangent-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4")
                .getOrCreate();
    }
}
