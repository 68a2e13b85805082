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
     * The number of threads matrix products use: what {@link #setBlasThreads} set, else OpenBLAS's start-up
     * choice (the first positive of OPENBLAS_NUM_THREADS, GOTO_NUM_THREADS, OMP_NUM_THREADS, capped by the
     * available processors).
     */
    public static int blasThreads() {
        return Blas.threads();
    }

    /** Sets the number of threads matrix products use from now on, for the whole process (1 or more). */
    public static void setBlasThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("Config.setBlasThreads: " + threads + " threads; give 1 or more");
        }
        Blas.setThreads(threads);
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
