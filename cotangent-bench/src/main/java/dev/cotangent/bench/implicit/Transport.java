package dev.cotangent.bench.implicit;

import dev.cotangent.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The benchmark's transport problem, generated exactly as {@code cotangent-bench/python/sinkhorn_torch.py} does:
 * x_i, y_j ∈ [0,1]² from SplittableRandom(1) and (2) (y shifted by +0.3), C_ij = ‖x_i − y_j‖², a = b = 1/n,
 * ε = 0.05 · the upper median of C.
 */
record Transport(Tensor a, Tensor b, Tensor c, double epsilon) {

    static Transport of(int n) {
        double[] x = uniform(1, 2 * n);
        double[] y = uniform(2, 2 * n);
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dx = x[2 * i] - (y[2 * j] + 0.3);
                double dy = x[2 * i + 1] - (y[2 * j + 1] + 0.3);
                c[i * n + j] = dx * dx + dy * dy;
            }
        }
        double[] sorted = c.clone();
        Arrays.sort(sorted);
        Tensor a = Tensor.full(1.0 / n, n);
        return new Transport(a, Tensor.full(1.0 / n, n), Tensor.of(new int[] {n, n}, c), 0.05 * sorted[c.length / 2]);
    }

    static double[] uniform(long seed, int count) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] d = new double[count];
        for (int i = 0; i < count; i++) d[i] = r.nextDouble();
        return d;
    }
}
