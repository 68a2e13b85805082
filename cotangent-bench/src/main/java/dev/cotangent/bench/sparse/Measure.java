package dev.cotangent.bench.sparse;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * One measured call: wall time, bytes allocated by the calling thread during it, and the peak heap in use while
 * it ran (the heap pools' peak usage, reset just before the call, after a collection).
 */
record Measure(double seconds, long allocated, long peakHeap) {

    /** Runs {@code op} once and measures it; the result is kept alive until the measure is taken. */
    static <T> Measure of(Supplier<T> op, Object[] keep) {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long a0 = threads.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        T r = op.get();
        long t1 = System.nanoTime();
        long a1 = threads.getCurrentThreadAllocatedBytes();
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        }
        keep[0] = r;
        return new Measure((t1 - t0) * 1e-9, a1 - a0, peak);
    }

    /** The median time of {@code reps} calls after unmeasured ones for at least {@code warmSeconds}. */
    static double medianSeconds(Runnable op, double warmSeconds, int reps) {
        long end = System.nanoTime() + (long) (warmSeconds * 1e9);
        do op.run(); while (System.nanoTime() < end);
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            op.run();
            t[i] = (System.nanoTime() - t0) * 1e-9;
        }
        Arrays.sort(t);
        return reps % 2 == 1 ? t[reps / 2] : (t[reps / 2 - 1] + t[reps / 2]) / 2;
    }

    static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
