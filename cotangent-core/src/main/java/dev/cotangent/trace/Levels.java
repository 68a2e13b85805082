package dev.cotangent.trace;

/**
 * The per-thread nesting of transforms. Each transform opens a trace one level above the innermost one that
 * is running on this thread and closes it when it returns ({@link Scope} does both). Transforms are per thread:
 * a tracer must not cross to another thread.
 */
final class Levels {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Levels() {}

    /** Reserves the next level on this thread. */
    static int push() {
        return ++DEPTH.get()[0];
    }

    /** Releases the innermost level and closes its trace. */
    static void pop(Trace trace) {
        trace.close();
        release();
    }

    /** Releases the innermost level (whose trace could not be made). */
    static void release() {
        DEPTH.get()[0]--;
    }
}
