package dev.cotangent.gradbench;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.List;
import java.util.function.Function;

/**
 * lse: log Σ exp x written from max, sum, exp and log (a + log Σ exp(x − a), a = max x); {@code gradient} is its
 * reverse-mode gradient (one scalar output, n inputs).
 */
final class Lse implements Eval {
    static Tensor logsumexp(Tensor x) {
        Tensor a = Ops.max(x, false);
        return a.add(x.sub(a).exp().sum().log());
    }

    private static final Function<Tensor, Tensor> GRADIENT = AD.grad(Lse::logsumexp);

    @Override
    public String name() {
        return "lse";
    }

    @Override
    public List<String> functions() {
        return List.of("primal", "gradient");
    }

    @Override
    public Prepared<?> prepare(String function, In input) {
        double[] v = input.field("x").doubles();
        if (v.length == 0) throw input.field("x").bad("expected at least one number");
        Tensor x = Tensor.of(v);
        return switch (function) {
            case "primal" -> Prepared.of(() -> logsumexp(x), (r, out) -> out.number(r.item()));
            case "gradient" -> Prepared.of(() -> GRADIENT.apply(x), (r, out) -> out.array(r.toArray()));
            default -> throw unknownFunction(function);
        };
    }
}
