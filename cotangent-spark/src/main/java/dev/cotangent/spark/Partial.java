package dev.cotangent.spark;

import java.io.Serializable;

/**
 * A running sum of per-partition results for one step, the value {@code treeAggregate} carries: the summed
 * gradient (each partition's mean-loss gradient times its row count) kept in double-double, the summed loss, the
 * examples counted, the sum of their global indices (to check that each example of the batch was used once), and
 * the executors' compute time.
 *
 * <p>Why double-double: Spark combines partial results in the order tasks finish, which varies between runs (and
 * when a task is retried). Each gradient coordinate is kept as an unevaluated sum hi + lo of about 106 bits, so the
 * rounded total is the correctly rounded sum of the partitions' gradients whatever the order, except when that
 * sum lies within ~k·2⁻¹⁰⁶ (relative) of a rounding boundary for k partitions, which is vanishingly rare: runs
 * with different task orders, or with retried tasks, give the same bits in practice.
 */
final class Partial implements Serializable {
    private static final long serialVersionUID = 1L;
    private double[] hi;
    private double[] lo;
    private double lossSum;
    private long count;
    private long indexSum;
    private long computeNanos;

    /** The empty sum (the zero of {@code treeAggregate}; arrays are made by the first partition that adds). */
    Partial() {}

    /** Adds one partition's gradient of the summed loss ({@code grad}), its summed loss, rows and indices. */
    Partial add(double[] grad, double loss, long rows, long indices, long nanos) {
        if (hi == null) {
            hi = new double[grad.length];
            lo = new double[grad.length];
        }
        for (int i = 0; i < grad.length; i++) {
            double s = hi[i] + grad[i];
            double bb = s - hi[i];
            double err = (hi[i] - (s - bb)) + (grad[i] - bb);
            double l = lo[i] + err;
            hi[i] = s + l;
            lo[i] = l - (hi[i] - s);
        }
        lossSum += loss;
        count += rows;
        indexSum += indices;
        computeNanos += nanos;
        return this;
    }

    /** Adds {@code other} into this sum and returns this (other is left as it was). */
    Partial merge(Partial other) {
        if (other.hi == null) return this;
        if (hi == null) {
            hi = other.hi.clone();
            lo = other.lo.clone();
        } else {
            for (int i = 0; i < hi.length; i++) {
                double s = hi[i] + other.hi[i];
                double bb = s - hi[i];
                double err = (hi[i] - (s - bb)) + (other.hi[i] - bb);
                double l = err + lo[i] + other.lo[i];
                hi[i] = s + l;
                lo[i] = l - (hi[i] - s);
            }
        }
        lossSum += other.lossSum;
        count += other.count;
        indexSum += other.indexSum;
        computeNanos += other.computeNanos;
        return this;
    }

    /** The summed gradient divided by {@code n}, rounded to double (zeros of length {@code size} if empty). */
    double[] gradientOver(long n, int size) {
        double[] g = new double[size];
        if (hi == null) return g;
        for (int i = 0; i < size; i++) g[i] = (hi[i] + lo[i]) / n;
        return g;
    }

    double lossSum() {
        return lossSum;
    }

    long count() {
        return count;
    }

    long indexSum() {
        return indexSum;
    }

    long computeNanos() {
        return computeNanos;
    }
}
