package dev.cotangent.trace;

/**
 * The per-thread nesting of transforms. Each transform opens a trace one level above the innermost one that
 * is running on this thread and closes it when it returns. Transforms are per thread: a tracer must not cross
 * to another thread.
 */
public final class Levels {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Levels() {}

    /** Reserves the next level on this thread. */
    public static int push() {
        return ++DEPTH.get()[0];
    }

    /** Releases the innermost level and closes its trace. */
    public static void pop(Trace trace) {
        trace.close();
        DEPTH.get()[0]--;
    }
}
