package dev.cotangent.bench.workloads;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * Wall-clock timing by the rules of WORKLOADS.md: warm-up first, then the median over repetitions; short
 * operations are timed in blocks of at least 20 ms; ratios are paired (the two quantities timed alternately,
 * the ratio the median of the per-pair ratios).
 */
public final class Timer {
    public static volatile double sink;

    private Timer() {}

    /** Seconds per call of {@code op}, timed in a block of {@code calls} calls. */
    public static double block(Runnable op, int calls) {
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) op.run();
        return (System.nanoTime() - t0) * 1e-9 / calls;
    }

    /** How many calls make a block of at least 20 ms. */
    public static int callsPerBlock(Runnable op) {
        int calls = 1;
        while (block(op, calls) * calls < 0.02 && calls < (1 << 24)) calls *= 2;
        return calls;
    }

    /** Runs {@code op} for at least {@code seconds} (and once). */
    public static void warm(Runnable op, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        do op.run(); while (System.nanoTime() < end);
    }

    /** Median seconds per call over {@code reps} blocks. */
    public static double median(Runnable op, int reps) {
        int calls = callsPerBlock(op);
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) t[i] = block(op, calls);
        return med(t);
    }

    /** Paired timing: returns {median time of a, median time of b, median of per-pair ratios b/a}. */
    public static double[] paired(Runnable a, Runnable b, int reps) {
        int ca = callsPerBlock(a);
        int cb = callsPerBlock(b);
        double[] ta = new double[reps];
        double[] tb = new double[reps];
        double[] r = new double[reps];
        for (int i = 0; i < reps; i++) {
            ta[i] = block(a, ca);
            tb[i] = block(b, cb);
            r[i] = tb[i] / ta[i];
        }
        return new double[] {med(ta), med(tb), med(r)};
    }

    public static double med(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    public static Runnable consume(DoubleSupplier s) {
        return () -> sink = s.getAsDouble();
    }
}
