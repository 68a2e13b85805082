package dev.cotangent.gradbench;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.List;

/**
 * ode: y′ = f(y) with f(y)₀ = x₀, f(y)ᵢ = xᵢ yᵢ₋₁, y(0) = 0, integrated over [0, 2] by s classic RK4 steps;
 * {@code gradient} is the reverse-mode gradient of the last component y_{n−1}(2) with respect to x (one scalar
 * output, n inputs: reverse mode, one backward sweep through the s steps).
 */
final class Ode implements Eval {
    @Override
    public String name() {
        return "ode";
    }

    @Override
    public List<String> functions() {
        return List.of("primal", "gradient");
    }

    /** f(y) = x ⊙ (1, y₀, …, y_{n−2}). */
    static Tensor field(Tensor x, Tensor y, Tensor one) {
        int n = y.size();
        return n == 1 ? x : x.mul(Ops.concat(0, one, Ops.slice(y, 0, 0, n - 1)));
    }

    /** y(2) by s RK4 steps. */
    static Tensor solve(Tensor x, int s) {
        Tensor one = Tensor.ones(1);
        double h = 2.0 / s;
        Tensor y = Tensor.zeros(x.size());
        for (int k = 0; k < s; k++) {
            Tensor k1 = field(x, y, one);
            Tensor k2 = field(x, y.add(k1.mul(h / 2)), one);
            Tensor k3 = field(x, y.add(k2.mul(h / 2)), one);
            Tensor k4 = field(x, y.add(k3.mul(h)), one);
            y = y.add(k1.add(k2.add(k3).mul(2)).add(k4).mul(h / 6));
        }
        return y;
    }

    @Override
    public Prepared<?> prepare(String function, In input) {
        double[] v = input.field("x").doubles();
        if (v.length == 0) throw input.field("x").bad("expected at least one number");
        int s = input.field("s").integer(1);
        Tensor x = Tensor.of(v);
        int n = v.length;
        return switch (function) {
            case "primal" -> Prepared.of(() -> solve(x, s), (r, out) -> out.array(r.toArray()));
            case "gradient" -> Prepared.of(() -> AD.grad((Tensor u) -> Ops.slice(solve(u, s), 0, n - 1, n).sum())
                    .apply(x), (r, out) -> out.array(r.toArray()));
            default -> throw unknownFunction(function);
        };
    }
}
