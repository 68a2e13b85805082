package dev.cotangent.bench.implicit;

import java.util.Arrays;

/** Wall-clock helpers: seconds of one call, medians. */
final class Clock {
    static volatile double sink;

    private Clock() {}

    static double seconds(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    static double min(double[] t) {
        return Arrays.stream(t).min().orElse(Double.NaN);
    }

    static double max(double[] t) {
        return Arrays.stream(t).max().orElse(Double.NaN);
    }
}
