package dev.cotangent.trace;

import dev.cotangent.NonFiniteException;
import dev.cotangent.Tensor;
import dev.cotangent.primitive.OneResult;
import dev.cotangent.primitive.Primitive;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.TooLargeException;

/**
 * The level-0 interpreter: computes a primitive on concrete values now. In anomaly mode it checks that an op
 * given finite inputs produced finite outputs, and names the op that did not.
 */
public final class Eval {
    private static final ThreadLocal<boolean[]> ANOMALY = ThreadLocal.withInitial(() -> new boolean[1]);

    private Eval() {}

    /** Runs {@code p} on the concrete values of {@code args}: one tensor per result. */
    public static Tensor[] apply(Primitive p, Tensor[] args) {
        NDArray[] v = new NDArray[args.length];
        for (int i = 0; i < args.length; i++) v[i] = args[i].value();
        NDArray[] out;
        try {
            out = p.applyAll(v);
        } catch (TooLargeException e) {
            throw named(p, v, e);
        }
        if (out == null || out.length != p.results()) {
            throw new IllegalStateException(p.name() + ": its implementation returned "
                    + (out == null ? "null" : out.length + " array(s)") + " for " + p.results() + " result(s)");
        }
        Tensor[] r = new Tensor[out.length];
        for (int k = 0; k < out.length; k++) {
            if (ANOMALY.get()[0]) check(p, v, out[k]);
            r[k] = Tensor.from(out[k]);
        }
        return r;
    }

    /** Runs the one-result primitive {@code p} on the concrete values of {@code args} (no arrays of results). */
    static Tensor apply1(Primitive p, Tensor[] args) {
        NDArray[] v = new NDArray[args.length];
        for (int i = 0; i < args.length; i++) v[i] = args[i].value();
        NDArray out;
        try {
            out = p instanceof OneResult o ? o.apply(v) : p.applyAll(v)[0];
        } catch (TooLargeException e) {
            throw named(p, v, e);
        }
        if (ANOMALY.get()[0]) check(p, v, out);
        return Tensor.from(out);
    }

    /** The exception with the operation and its operands' shapes in front, unless they are there already. */
    private static TooLargeException named(Primitive p, NDArray[] v, TooLargeException e) {
        if (e.getMessage().startsWith(p.name() + ":")) return e;
        StringBuilder shapes = new StringBuilder();
        for (NDArray a : v) shapes.append(shapes.length() == 0 ? "" : ", ").append(a.dims());
        TooLargeException t = new TooLargeException(p.name() + " on operands of shapes " + shapes + ": " + e.getMessage());
        t.initCause(e);
        return t;
    }

    /** Whether anomaly checking is on for this thread. */
    public static boolean anomalyMode() {
        return ANOMALY.get()[0];
    }

    /** Turns anomaly checking on or off for this thread; returns the previous setting. */
    public static boolean setAnomalyMode(boolean on) {
        boolean[] f = ANOMALY.get();
        boolean old = f[0];
        f[0] = on;
        return old;
    }

    private static void check(Primitive p, NDArray[] in, NDArray out) {
        boolean infiniteIn = false;
        for (NDArray a : in) {
            for (double x : a.unsafeData()) {
                if (Double.isNaN(x)) return; // not this op's doing
                infiniteIn |= Double.isInfinite(x);
            }
        }
        double[] o = out.unsafeData();
        for (int i = 0; i < o.length; i++) {
            // an infinity carried through is not this op's doing, but a NaN made from one (∞·0, ∞ − ∞) is
            if (infiniteIn ? Double.isNaN(o[i]) : !Double.isFinite(o[i])) {
                Primitive rule = RuleContext.primitive();
                if (rule != null && Double.isInfinite(o[i]) && rule.infiniteDerivativeIsConvention()) {
                    System.getLogger("dev.cotangent").log(System.Logger.Level.WARNING, "anomaly mode: the "
                            + RuleContext.kind() + " rule of " + rule.name() + " gave " + o[i]
                            + " (a documented convention at this point, not an error)");
                    return;
                }
                StringBuilder sb = new StringBuilder("anomaly: ");
                if (rule != null) sb.append("in the ").append(RuleContext.kind()).append(" rule of ").append(rule.name()).append(", ");
                sb.append(p).append(" produced ").append(o[i])
                        .append(" at flat index ").append(i).append(" of its ").append(out.dims())
                        .append(" result from finite operands");
                for (int k = 0; k < in.length; k++) {
                    sb.append(k == 0 ? " " : ", ").append(in[k].dims());
                    if (in[k].size() <= 8) sb.append(' ').append(java.util.Arrays.toString(in[k].unsafeData()));
                }
                throw new NonFiniteException(sb.toString(), rule != null ? rule.name() : p.name());
            }
        }
    }
}
