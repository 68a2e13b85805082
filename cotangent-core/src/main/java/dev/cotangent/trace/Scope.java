package dev.cotangent.trace;

import java.util.function.IntFunction;

/**
 * One transform's level, open for the duration of a try-with-resources block: opening it creates the trace one
 * level above the innermost running on this thread; closing it marks the trace finished (its tracers become
 * leaked tracers) and releases the level. Every transform opens its trace this way, in one place:
 *
 * <pre>{@code
 * try (Scope<JvpTrace> s = Scope.open(JvpTrace::new)) {
 *     Tensor out = f.apply(s.trace().tracer(x, v));
 *     ...
 * }
 * }</pre>
 */
public final class Scope<T extends Trace> implements AutoCloseable {
    private final T trace;

    private Scope(T trace) {
        this.trace = trace;
    }

    /** Opens the next level on this thread and creates its trace with {@code make.apply(level)}. */
    public static <T extends Trace> Scope<T> open(IntFunction<T> make) {
        int level = Levels.push();
        try {
            return new Scope<>(make.apply(level));
        } catch (RuntimeException | Error e) {
            Levels.release();
            throw e;
        }
    }

    /** The trace of this level. */
    public T trace() {
        return trace;
    }

    /** Closes the trace and releases its level. */
    @Override
    public void close() {
        Levels.pop(trace);
    }
}
