package dev.cotangent.custom;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.VjpRule;
import dev.cotangent.transform.Vmap;
import java.util.Map;
import java.util.function.Function;

/**
 * A function whose reverse-mode derivative is the user's {@link VjpRule}; forward mode differentiates the
 * function itself.
 */
public final class CustomVjp extends UserFunction {
    private final VjpRule rule;

    private CustomVjp(Function<Tensor[], Tensor> f, VjpRule rule, int arity) {
        super("custom_vjp", f, arity);
        this.rule = rule;
    }

    /** {@code f} with the reverse-mode rule {@code rule}. */
    public static Function<Tensor[], Tensor> of(Function<Tensor[], Tensor> f, VjpRule rule) {
        return xs -> {
            if (xs.length == 0) throw new IllegalArgumentException("customVjp: the function needs at least one argument");
            return Ops.apply(new CustomVjp(f, rule, xs.length), xs);
        };
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("f", f, "rule", rule);
    }

    @Override
    public Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out) {
        return jvpOfFunction(primals, tangents);
    }

    @Override
    public Tensor[] vjp(Tensor cotangent, Tensor[] primals, Tensor out, boolean[] needed) {
        return checkCotangents("customVjp", rule.pullback(primals.clone(), out, cotangent), primals);
    }

    /**
     * The batched copy: the function vmapped, and the rule run for every example at once; an operand shared by the
     * whole batch receives the sum of its examples' cotangents.
     */
    @Override
    protected UserFunction batchedCopy(boolean[] batched, int size) {
        int n = arity();
        VjpRule batchedRule = (in, out, ct) -> {
            boolean[] flags = java.util.Arrays.copyOf(batched, n + 2);
            flags[n] = true;
            flags[n + 1] = true;
            Tensor[] gs = Vmap.vmap("customVjp", a -> {
                Tensor[] r = checkCotangents("customVjp",
                        rule.pullback(java.util.Arrays.copyOf(a, n), a[n], a[n + 1]), java.util.Arrays.copyOf(a, n));
                for (int i = 0; i < n; i++) if (r[i] == null) r[i] = Tensor.zeros(a[i].shape());
                return r;
            }, join(in, new Tensor[] {out, ct}), flags, size);
            for (int i = 0; i < n; i++) if (!batched[i]) gs[i] = Ops.sum(gs[i], false, 0);
            return gs;
        };
        return new CustomVjp(vmapped(name(), f, batched, size), batchedRule, n);
    }
}
