package dev.cotangent.kernel;

import org.bytedeco.openblas.global.openblas;

/**
 * The rule that decides how many OpenBLAS threads each product and factorization uses: one thread below a
 * work threshold (small products are slower threaded), otherwise the maximum, lowered to the cores other
 * processes leave free when load awareness is on. OpenBLAS's worker threads busy-wait for each other, so a
 * threaded product on a core that another process also wants waits for a whole scheduler time slice: T1's step
 * was 3× slower at 2 threads with a busy loop on the second core, and unchanged at 1 thread. Process-wide
 * settings, read on every call.
 */
final class BlasThreads {
    /** Default work threshold, in multiply-adds (m·n·k summed over a batch): below it, one thread. */
    static final long DEFAULT_PARALLEL_FROM = 1L << 24;

    private static volatile int max = startupThreads();
    private static volatile long parallelFrom = DEFAULT_PARALLEL_FROM;
    private static volatile boolean loadAware = true;
    /** What OpenBLAS was last told (0: not told yet), so that an unchanged count costs no native call. */
    private static int current;

    private BlasThreads() {}

    static int max() {
        return max;
    }

    static void setMax(int threads) {
        max = threads;
    }

    static long parallelFrom() {
        return parallelFrom;
    }

    static void setParallelFrom(long multiplyAdds) {
        parallelFrom = multiplyAdds;
    }

    static boolean loadAware() {
        return loadAware;
    }

    static void setLoadAware(boolean on) {
        loadAware = on;
    }

    /** Tells OpenBLAS the number of threads for a call of {@code multiplyAdds} work, and returns it. */
    static int use(long multiplyAdds) {
        int m = max;
        boolean big = m > 1 && multiplyAdds >= parallelFrom;
        int t = choose(m, multiplyAdds, parallelFrom, big && loadAware ? CpuLoad.otherCores() : 0, CpuLoad.cpus());
        synchronized (BlasThreads.class) {
            if (t != current) {
                openblas.blas_set_num_threads(t);
                current = t;
            }
        }
        return t;
    }

    /**
     * The rule itself: 1 thread when {@code max} is 1 or the work is below {@code parallelFrom}; otherwise
     * {@code max}, but no more than the cores the other processes leave free ({@code cpus − otherCores}, rounded
     * to the nearest whole core) and at least 1.
     */
    static int choose(int max, long multiplyAdds, long parallelFrom, double otherCores, int cpus) {
        if (max <= 1 || multiplyAdds < parallelFrom) return 1;
        long free = Math.round(cpus - otherCores);
        return (int) Math.max(1, Math.min(max, free));
    }

    /**
     * OpenBLAS's own start-up choice: the first positive of OPENBLAS_NUM_THREADS, GOTO_NUM_THREADS,
     * OMP_NUM_THREADS, capped by the available processors, else the available processors.
     */
    private static int startupThreads() {
        int procs = Runtime.getRuntime().availableProcessors();
        for (String var : new String[] {"OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"}) {
            try {
                int n = Integer.parseInt(System.getenv().getOrDefault(var, "").trim());
                if (n > 0) return Math.min(n, procs);
            } catch (NumberFormatException e) {
                // unset or not a number: OpenBLAS ignores it too
            }
        }
        return procs;
    }
}
