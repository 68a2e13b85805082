package dev.cotangent.custom;

import dev.cotangent.JvpRule;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.transform.Vjp;
import dev.cotangent.transform.Vmap;
import java.util.Map;
import java.util.function.Function;

/**
 * A function whose forward-mode derivative is the user's {@link JvpRule}. Reverse mode transposes the rule: the
 * rule is linear in the tangents, so its VJP is the reverse-mode derivative of t ↦ rule(x, t, y) with respect to
 * t (taken at t = 0), x̄ = ∂_t rule(x, ·, y)ᵀ ȳ; both are written with ops, so second derivatives work whenever
 * the rule itself is differentiable in x.
 */
public final class CustomJvp extends UserFunction {
    private final JvpRule rule;

    private CustomJvp(Function<Tensor[], Tensor> f, JvpRule rule, int arity) {
        super("custom_jvp", f, arity);
        this.rule = rule;
    }

    /** {@code f} with the forward-mode rule {@code rule}. */
    public static Function<Tensor[], Tensor> of(Function<Tensor[], Tensor> f, JvpRule rule) {
        return xs -> {
            if (xs.length == 0) throw new IllegalArgumentException("customJvp: the function needs at least one argument");
            return Ops.apply(new CustomJvp(f, rule, xs.length), xs);
        };
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("f", f, "rule", rule);
    }

    @Override
    public Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out) {
        Tensor[] t = tangents.clone();
        for (int i = 0; i < t.length; i++) if (t[i] == null) t[i] = Tensor.zeros(primals[i].shape());
        return checkTangent(rule.jvp(primals.clone(), t, out), out);
    }

    @Override
    public Tensor[] vjp(Tensor cotangent, Tensor[] primals, Tensor out, boolean[] needed) {
        Tensor[] zeros = new Tensor[primals.length];
        for (int i = 0; i < zeros.length; i++) zeros[i] = Tensor.zeros(primals[i].shape());
        return Vjp.vjp("customJvp", t -> new Tensor[] {checkTangent(rule.jvp(primals.clone(), t, out), out)}, zeros)
                .pullback(cotangent);
    }

    private static Tensor checkTangent(Tensor t, Tensor out) {
        if (t == null || !t.dims().equals(out.dims())) {
            throw new IllegalArgumentException("customJvp: the rule returned " + (t == null ? "null" : "a tangent of "
                    + "shape " + t.dims()) + " for a result of shape " + out.dims() + "; return the result's tangent "
                    + "(zeros if it does not change)");
        }
        return t;
    }

    /** The batched copy: the function vmapped, and the rule run for every example at once. */
    @Override
    protected UserFunction batchedCopy(boolean[] batched, int size) {
        int n = arity();
        JvpRule batchedRule = (x, t, out) -> {
            boolean[] flags = new boolean[2 * n + 1];
            for (int i = 0; i < n; i++) {
                flags[i] = batched[i];
                flags[n + i] = batched[i];
            }
            flags[2 * n] = true;
            return Vmap.vmap("customJvp", a -> new Tensor[] {rule.jvp(java.util.Arrays.copyOf(a, n),
                    java.util.Arrays.copyOfRange(a, n, 2 * n), a[2 * n])}, join(join(x, t), new Tensor[] {out}),
                    flags, size)[0];
        };
        return new CustomJvp(vmapped(name(), f, batched, size), batchedRule, n);
    }
}
