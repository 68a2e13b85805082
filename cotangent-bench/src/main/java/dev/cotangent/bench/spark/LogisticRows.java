package dev.cotangent.bench.spark;

import dev.cotangent.spark.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The synthetic logistic-regression rows of {@link SparkBench}: partition p's rows come from a generator seeded
 * with p, features standard normal, label 1 with probability sigmoid(x·w*) for a fixed w* (w*_j = (−1)^j / √j+1),
 * so the executors and the single-JVM baseline make the same rows.
 */
final class LogisticRows {
    private LogisticRows() {}

    static List<Example> partition(int p, int rows) {
        SplittableRandom rng = new SplittableRandom(1000 + p);
        List<Example> out = new ArrayList<>(rows);
        double[] f = new double[SparkBench.FEATURES];
        for (int i = 0; i < rows; i++) {
            double z = 0;
            for (int j = 0; j < f.length; j++) {
                f[j] = rng.nextGaussian();
                z += f[j] * ((j % 2 == 0 ? 1 : -1) / Math.sqrt(j + 1));
            }
            out.add(new Example(f, rng.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0));
        }
        return out;
    }
}
