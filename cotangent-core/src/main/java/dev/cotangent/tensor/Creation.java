package dev.cotangent.tensor;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** The filled, ranged and random factories behind {@link NDArray}'s static creation methods. */
final class Creation {
    private Creation() {}

    /** A 2-d array from rows of equal length. */
    static NDArray ofRows(double[][] rows) {
        int m = rows.length;
        int n = m == 0 ? 0 : rows[0].length;
        double[] d = TooLargeException.doubles(Shape.of(m, n).size());
        for (int i = 0; i < m; i++) {
            if (rows[i].length != n) {
                throw new IllegalArgumentException("NDArray.of(double[][]): row " + i + " has " + rows[i].length
                        + " values but row 0 has " + n + "; every row must have the same length");
            }
            System.arraycopy(rows[i], 0, d, i * n, n);
        }
        return NDArray.wrap(Shape.of(m, n), d);
    }

    static NDArray full(double value, int... dims) {
        Shape s = Shape.of(dims);
        double[] d = TooLargeException.doubles(s.size());
        Arrays.fill(d, value);
        return NDArray.wrap(s, d);
    }

    /** Values {@code start, start+step, ...} strictly before {@code stop} (NumPy's arange). */
    static NDArray arange(double start, double stop, double step) {
        if (step == 0 || Double.isNaN(step)) {
            throw new IllegalArgumentException("arange: step is " + step + "; give a non-zero step");
        }
        int n = (int) Math.max(0, Math.ceil((stop - start) / step));
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = start + i * step;
        return NDArray.wrap(Shape.of(n), d);
    }

    /** {@code n} evenly spaced values from {@code a} to {@code b}, both included. */
    static NDArray linspace(double a, double b, int n) {
        if (n < 0) throw new IllegalArgumentException("linspace: n = " + n + "; give n >= 0");
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = n == 1 ? a : a + (b - a) * i / (n - 1);
        if (n > 1) d[n - 1] = b; // a + (b - a) can round away from b; the end point is b exactly (as in NumPy)
        return NDArray.wrap(Shape.of(n), d);
    }

    /** The {@code n×n} identity matrix. */
    static NDArray eye(int n) {
        if (n < 0) throw new IllegalArgumentException("eye: n = " + n + "; give n >= 0");
        Shape s = Shape.of(n, n); // checks n·n fits before allocating
        double[] d = TooLargeException.doubles(s.size());
        for (int i = 0; i < n; i++) d[i * n + i] = 1.0;
        return NDArray.wrap(s, d);
    }

    /** Independent uniform draws in {@code [lo, hi)} from the given (seeded) generator, row-major. */
    static NDArray uniform(RandomGenerator rng, double lo, double hi, int... dims) {
        Shape s = Shape.of(dims);
        double[] d = TooLargeException.doubles(s.size());
        for (int i = 0; i < d.length; i++) d[i] = lo + (hi - lo) * rng.nextDouble();
        return NDArray.wrap(s, d);
    }

    /** Independent normal draws with the given mean and standard deviation from the (seeded) generator. */
    static NDArray normal(RandomGenerator rng, double mean, double std, int... dims) {
        Shape s = Shape.of(dims);
        double[] d = TooLargeException.doubles(s.size());
        for (int i = 0; i < d.length; i++) d[i] = mean + std * rng.nextGaussian();
        return NDArray.wrap(s, d);
    }
}
