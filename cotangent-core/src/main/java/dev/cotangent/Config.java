package dev.cotangent;

import dev.cotangent.kernel.Blas;

/**
 * Process-wide settings of the engine: how many threads the matrix products (OpenBLAS) use, and the largest
 * array it may allocate. The public face of
 * what the kernels offer, so libraries and applications never import {@code dev.cotangent.kernel}.
 */
public final class Config {
    private Config() {}

    /**
     * The largest number of threads matrix products and factorizations use: what {@link #setBlasThreads} set, else
     * OpenBLAS's start-up choice (the first positive of OPENBLAS_NUM_THREADS, GOTO_NUM_THREADS, OMP_NUM_THREADS,
     * capped by the available processors). Each call uses fewer when it is small or the machine is busy: see
     * {@link #setBlasParallelFrom} and {@link #setBlasLoadAware}.
     */
    public static int blasThreads() {
        return Blas.threads();
    }

    /** Sets the largest number of threads matrix products use from now on, for the whole process (1 or more). */
    public static void setBlasThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("Config.setBlasThreads: " + threads + " threads; give 1 or more");
        }
        Blas.setThreads(threads);
    }

    /**
     * Sets the size from which a matrix product may use more than one thread, in multiply-adds (m·n·k for an
     * m×k by k×n product, summed over a batch; n³ for an n×n factorization); smaller calls use one thread, because
     * threading them costs more than it saves. The default is 2²⁴ (about a 256×256×256 product); 0 threads every
     * call that OpenBLAS itself would thread.
     */
    public static void setBlasParallelFrom(long multiplyAdds) {
        if (multiplyAdds < 0) {
            throw new IllegalArgumentException("Config.setBlasParallelFrom: " + multiplyAdds
                    + " multiply-adds; give 0 or more (0: every product may be threaded)");
        }
        Blas.setParallelFrom(multiplyAdds);
    }

    /** The size, in multiply-adds, from which a matrix product may use more than one thread. */
    public static long blasParallelFrom() {
        return Blas.parallelFrom();
    }

    /**
     * Whether a product that may be threaded uses only the cores other processes leave free (on by default; Linux
     * only, measured at most every 50 ms from /proc/stat). OpenBLAS's threads wait for each other, so one that
     * shares a core with a busy process slows every product several times over; turn this off for repeatable
     * timings on a dedicated machine.
     */
    public static void setBlasLoadAware(boolean on) {
        Blas.setLoadAware(on);
    }

    /** Whether matrix products adapt their thread count to the machine's load (see {@link #setBlasLoadAware}). */
    public static boolean blasLoadAware() {
        return Blas.loadAware();
    }

    /** The number of threads the last matrix product or factorization used (0 before the first one). */
    public static int blasThreadsOfLastCall() {
        return Blas.threadsOfLastCall();
    }

    /** The largest array, in bytes, the engine allocates; larger ones are refused with a clear error first. */
    public static long maxArrayBytes() {
        return dev.cotangent.tensor.TooLargeException.limitBytes();
    }

    /**
     * Sets the largest array, in bytes, the engine allocates (by default the JVM's maximum heap): an operation
     * whose result would be larger throws {@link dev.cotangent.tensor.TooLargeException} naming the operation
     * and its operands' shapes, before allocating.
     */
    public static void setMaxArrayBytes(long bytes) {
        dev.cotangent.tensor.TooLargeException.setLimitBytes(bytes);
    }
}
