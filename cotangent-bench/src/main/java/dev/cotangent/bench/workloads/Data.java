package dev.cotangent.bench.workloads;

import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.SplittableRandom;

/** The data generator of WORKLOADS.md: U(seed) is SplittableRandom(seed).nextDouble(); uniform fills row-major. */
public final class Data {
    private Data() {}

    /** a·(2u − 1) for u drawn in order from U(seed), in row-major order. */
    public static NDArray uniform(long seed, double a, int... dims) {
        SplittableRandom r = new SplittableRandom(seed);
        Shape s = Shape.of(dims);
        double[] d = new double[s.size()];
        for (int i = 0; i < d.length; i++) d[i] = a * (2 * r.nextDouble() - 1);
        return NDArray.wrap(s, d);
    }

    /** The first n values of U(seed). */
    public static double[] u(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = r.nextDouble();
        return d;
    }
}
