package dev.cotangent.gradbench;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import java.util.List;

/**
 * llsq: ½ Σᵢ (sᵢ − Σⱼ xⱼ tᵢʲ)² on the grid tᵢ = −1 + 2i/(n−1), sᵢ = sign tᵢ, written as ½‖s − T x‖² with the
 * constant matrix T[i][j] = tᵢʲ (built by running products; it does not depend on x); {@code gradient} is the
 * reverse-mode gradient (one scalar output, m inputs).
 */
final class Llsq implements Eval {
    @Override
    public String name() {
        return "llsq";
    }

    @Override
    public List<String> functions() {
        return List.of("primal", "gradient");
    }

    /** The objective for n grid points, as a function of x. */
    static Tensor objective(Tensor x, int n) {
        int m = x.size();
        double[] powers = new double[n * m];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double t = n == 1 ? -1 : -1 + 2.0 * i / (n - 1);
            s[i] = Math.signum(t);
            double p = 1;
            for (int j = 0; j < m; j++) {
                powers[i * m + j] = p;
                p *= t;
            }
        }
        Tensor tMatrix = Tensor.of(new int[] {n, m}, powers);
        Tensor r = Tensor.of(s).sub(tMatrix.matmul(x));
        return r.mul(r).sum().mul(0.5);
    }

    @Override
    public Prepared<?> prepare(String function, In input) {
        Tensor x = Tensor.of(input.field("x").doubles());
        int n = input.field("n").integer(1);
        if (x.size() == 0) throw input.field("x").bad("expected at least one number");
        return switch (function) {
            case "primal" -> Prepared.of(() -> objective(x, n), (r, out) -> out.number(r.item()));
            case "gradient" -> Prepared.of(() -> AD.grad((Tensor v) -> objective(v, n)).apply(x),
                    (r, out) -> out.array(r.toArray()));
            default -> throw unknownFunction(function);
        };
    }
}
