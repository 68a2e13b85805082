package dev.cotangent.spark;

import dev.cotangent.nn.data.Dataset;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A seeded three-class problem: Gaussian blobs in 8 dimensions, the same examples as a list and as a Dataset. */
final class Synthetic {
    static final int FEATURES = 8;
    static final int CLASSES = 3;

    private Synthetic() {}

    static List<Example> examples(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Example> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(CLASSES);
            double[] f = new double[FEATURES];
            for (int j = 0; j < FEATURES; j++) f[j] = (j % CLASSES == c ? 1.0 : 0.0) + 0.8 * gaussian(rng);
            out.add(new Example(f, c));
        }
        return out;
    }

    static Dataset dataset(List<Example> examples) {
        double[] x = new double[examples.size() * FEATURES];
        int[] y = new int[examples.size()];
        for (int i = 0; i < y.length; i++) {
            System.arraycopy(examples.get(i).features(), 0, x, i * FEATURES, FEATURES);
            y[i] = (int) examples.get(i).label();
        }
        return new Dataset(NDArray.wrap(Shape.of(y.length, FEATURES), x), y, CLASSES);
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
