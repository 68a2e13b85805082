package dev.cotangent.trace;

import dev.cotangent.Tensor;
import dev.cotangent.primitive.Primitive;

/**
 * Forward mode at one level: each tracer carries a primal and its tangent (dual numbers, x + ẋε). Processing
 * binds the primitive on the primals (outer levels see that) and applies the primitive's JVP rule to the
 * tangents (outer levels see that too). A result whose tangent is a symbolic zero is returned as the plain
 * primal: it is a constant at this level.
 */
public final class JvpTrace extends Trace {

    public JvpTrace(int level) {
        super(level, "jvp");
    }

    /** A trace for the transform the user called, named in messages (e.g. {@code grad}, {@code jacrev}). */
    public JvpTrace(int level, String transform) {
        super(level, transform);
    }

    /** A tracer for primal {@code x} with tangent {@code t} ({@code null}: zero). */
    public Tensor tracer(Tensor x, Tensor t) {
        return new JvpTracer(this, x, t);
    }

    /** The tangent of {@code out} at this level ({@code null} if it does not depend on this level's inputs). */
    public Tensor tangentOf(Tensor out) {
        return out instanceof JvpTracer && ((JvpTracer) out).trace() == this ? ((JvpTracer) out).tangent : null;
    }

    @Override
    public Tensor[] process(Primitive p, Tensor[] args) {
        Tensor[] primals = new Tensor[args.length];
        Tensor[] tangents = new Tensor[args.length];
        boolean any = split(args, primals, tangents);
        Tensor[] outs = p.results() == 1 ? new Tensor[] {Bind.bind(p, primals)} : Bind.bindAll(p, primals);
        if (!any || !p.differentiable()) return outs;
        Object[] mark = RuleContext.enter(p, "jvp");
        Tensor[] ts;
        try {
            ts = perResult(p, "JVP", p.jvpAll(primals, tangents, outs));
        } finally {
            RuleContext.exit(mark);
        }
        Tensor[] r = new Tensor[outs.length];
        for (int k = 0; k < r.length; k++) r[k] = ts[k] == null ? outs[k] : new JvpTracer(this, outs[k], ts[k]);
        return r;
    }

    @Override
    public Tensor process1(Primitive p, Tensor[] args) {
        if (!(p instanceof dev.cotangent.primitive.OneResult o)) return process(p, args)[0];
        Tensor[] primals = new Tensor[args.length];
        Tensor[] tangents = new Tensor[args.length];
        boolean any = split(args, primals, tangents);
        Tensor out = Bind.bind(p, primals);
        if (!any || !p.differentiable()) return out;
        Object[] mark = RuleContext.enter(p, "jvp");
        Tensor t;
        try {
            t = o.jvp(primals, tangents, out);
        } finally {
            RuleContext.exit(mark);
        }
        return t == null ? out : new JvpTracer(this, out, t);
    }

    /** Fills the primals and tangents of {@code args} at this level; whether any tangent is not zero. */
    private boolean split(Tensor[] args, Tensor[] primals, Tensor[] tangents) {
        boolean any = false;
        for (int i = 0; i < args.length; i++) {
            Tensor a = args[i];
            if (a instanceof JvpTracer && ((JvpTracer) a).trace() == this) {
                primals[i] = ((JvpTracer) a).primal();
                tangents[i] = ((JvpTracer) a).tangent;
                any |= tangents[i] != null;
            } else {
                primals[i] = a;
            }
        }
        return any;
    }

    /** A (primal, tangent) pair of this trace. */
    static final class JvpTracer extends Tracer {
        private final JvpTrace trace;
        final Tensor tangent;

        JvpTracer(JvpTrace trace, Tensor primal, Tensor tangent) {
            super(primal);
            this.trace = trace;
            this.tangent = tangent;
        }

        @Override
        public Trace trace() {
            return trace;
        }
    }
}
