package dev.cotangent;

import java.util.function.Function;

/** A function whose reverse-mode derivative is the user's {@link VjpRule}. See {@link AD#customVjp}. */
final class CustomVjp extends UserFunction {
    private final VjpRule rule;

    CustomVjp(Function<Tensor[], Tensor> f, VjpRule rule, int arity) {
        super("custom_vjp", f, arity);
        this.rule = rule;
    }

    @Override
    public java.util.Map<String, Object> params() {
        return java.util.Map.of("f", f, "rule", rule);
    }

    /**
     * The batched copy: the function vmapped, and the rule run for every example at once; an operand shared by the
     * whole batch receives the sum of its examples' cotangents.
     */
    @Override
    protected UserFunction batchedCopy(boolean[] batched, int size) {
        VjpRule batchedRule = (in, out, ct) -> {
            dev.cotangent.trace.BatchTrace trace = new dev.cotangent.trace.BatchTrace(dev.cotangent.trace.Levels.push(), size);
            try {
                Tensor[] xs = new Tensor[in.length];
                for (int i = 0; i < in.length; i++) xs[i] = batched[i] ? trace.tracer(in[i]) : in[i];
                Tensor[] gs = rule.pullback(xs, trace.tracer(out), trace.tracer(ct));
                Tensor[] result = new Tensor[in.length];
                for (int i = 0; gs != null && i < in.length && i < gs.length; i++) {
                    if (gs[i] == null) continue;
                    Tensor g = trace.unbatch(gs[i]);
                    result[i] = batched[i] ? g : Ops.sum(g, false, 0);
                }
                return gs == null ? null : gs.length == in.length ? result : gs;
            } finally {
                dev.cotangent.trace.Levels.pop(trace);
            }
        };
        return new CustomVjp(vmapped(f, batched, size), batchedRule, arity());
    }

    @Override
    public Tensor[] vjp(Tensor cotangent, Tensor[] primals, Tensor out, boolean[] needed) {
        Tensor[] gs = rule.pullback(primals.clone(), out, cotangent);
        if (gs == null || gs.length != primals.length) {
            throw new IllegalArgumentException("customVjp: the rule returned " + (gs == null ? "null" : gs.length
                    + " cotangents") + " for " + primals.length + " inputs; return one per input (null for zero)");
        }
        for (int i = 0; i < gs.length; i++) {
            if (gs[i] != null && !gs[i].dims().equals(primals[i].dims())) {
                throw new IllegalArgumentException("customVjp: the rule's cotangent " + i + " has shape "
                        + gs[i].dims() + " but input " + i + " has shape " + primals[i].dims()
                        + "; a cotangent must have its input's shape");
            }
        }
        return gs;
    }
}
