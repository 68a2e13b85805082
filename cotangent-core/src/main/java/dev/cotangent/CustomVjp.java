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
