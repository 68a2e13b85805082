package dev.cotangent.trace;

import dev.cotangent.primitive.Primitive;

/**
 * Which primitive's derivative rule is running on this thread, if any, so that anomaly mode can name the
 * primitive whose JVP or VJP rule produced a NaN rather than the op the rule happened to use.
 */
final class RuleContext {
    private static final ThreadLocal<Object[]> CURRENT = ThreadLocal.withInitial(() -> new Object[2]);

    private RuleContext() {}

    /** Marks {@code p}'s rule of the given kind ("jvp" or "vjp") as running; returns the previous mark. */
    static Object[] enter(Primitive p, String kind) {
        Object[] c = CURRENT.get();
        Object[] old = {c[0], c[1]};
        c[0] = p;
        c[1] = kind;
        return old;
    }

    static void exit(Object[] old) {
        Object[] c = CURRENT.get();
        c[0] = old[0];
        c[1] = old[1];
    }

    /** The primitive whose rule is running, or null. */
    static Primitive primitive() {
        return (Primitive) CURRENT.get()[0];
    }

    static String kind() {
        return (String) CURRENT.get()[1];
    }
}
