package dev.cotangent.gradbench;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGradList;
import java.util.List;

/**
 * gmm: the negative log-likelihood of a Gaussian mixture with a Wishart prior, vectorised over points and
 * components (one batched matrix product Q_κ(xᵢ − μ_κ) for all i and κ, logsumexp over the components); the
 * gradient with respect to alpha, mu, q and l by reverse mode (one scalar output, k(1 + 2d + d(d−1)/2) inputs).
 */
final class Gmm implements Eval {
    @Override
    public String name() {
        return "gmm";
    }

    @Override
    public List<String> functions() {
        return List.of("objective", "jacobian");
    }

    /** The data and the fixed parameters of one workload. */
    record Problem(int n, int d, int k, Tensor x, int m, double gamma, int[] qIndex) {}

    /**
     * Where each entry of Q_κ (d × d, row-major) comes from in [exp(q_κ), l_κ, 0]: the diagonal from exp(q), the
     * strictly lower part column by column from l, the upper part from the trailing zero.
     */
    static int[] qIndex(int d) {
        int t = d * (d - 1) / 2;
        int[] idx = new int[d * d];
        java.util.Arrays.fill(idx, d + t);
        int next = 0;
        for (int c = 0; c < d; c++) {
            idx[c * d + c] = c;
            for (int r = c + 1; r < d; r++) idx[r * d + c] = d + next++;
        }
        return idx;
    }

    static Tensor objective(Problem p, Tensor alpha, Tensor mu, Tensor q, Tensor l) {
        int n = p.n(), d = p.d(), k = p.k();
        Tensor expQ = q.exp();
        Tensor packed = Ops.concat(1, expQ, l, Tensor.zeros(k, 1));
        Tensor bigQ = Ops.take(packed, p.qIndex(), 1).reshape(k, d, d);
        Tensor centred = p.x().reshape(1, n, d).sub(mu.reshape(k, 1, d));              // [k, n, d]
        Tensor qx = Ops.matmul(centred, bigQ, false, true);                              // [k, n, d]
        Tensor sq = qx.mul(qx).sum(2);                                                   // [k, n]
        Tensor beta = alpha.add(q.sum(1)).reshape(k, 1).sub(sq.mul(0.5));
        Tensor likelihood = Ops.logsumexp(beta, false, 0).sum();
        Tensor prior = expQ.mul(expQ).sum().add(l.mul(l).sum()).mul(-0.5 * p.gamma() * p.gamma())
                .add(q.sum().mul(p.m()));
        return likelihood.sub(Ops.logsumexp(alpha, false).mul(n)).add(prior)
                .add(k * wishartConstant(d, p.m(), p.gamma()) - n * d / 2.0 * Math.log(2 * Math.PI));
    }

    /** C = ν·d·(log γ − ½ log 2) − [d(d−1)/4 · log π + Σ_{j=1..d} lgamma(ν/2 + (1−j)/2)], ν = d + m + 1. */
    static double wishartConstant(int d, int m, double gamma) {
        double nu = d + m + 1;
        double c = nu * d * (Math.log(gamma) - 0.5 * Math.log(2));
        double lmg = d * (d - 1) / 4.0 * Math.log(Math.PI);
        for (int j = 1; j <= d; j++) lmg += logGamma(nu / 2 + (1 - j) / 2.0);
        return c - lmg;
    }

    /** log Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; relative error about 1e-15). */
    static double logGamma(double x) {
        if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        x -= 1;
        double a = c[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) a += c[i] / (x + i);
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    @Override
    public Prepared<?> prepare(String function, In input) {
        int d = input.field("d").integer(1);
        int k = input.field("k").integer(1);
        int n = input.field("n").integer(1);
        int t = d * (d - 1) / 2;
        Tensor x = Tensor.of(new int[] {n, d}, input.field("x").matrix(n, d, "n points of d coordinates"));
        Problem p = new Problem(n, d, k, x, input.field("m").integer(0), input.field("gamma").number(), qIndex(d));
        Tensor alpha = Tensor.of(input.field("alpha").doubles(k, "one weight per component"));
        Tensor mu = Tensor.of(new int[] {k, d}, input.field("mu").matrix(k, d, "k means of d coordinates"));
        Tensor q = Tensor.of(new int[] {k, d}, input.field("q").matrix(k, d, "k log-diagonals of d entries"));
        Tensor l = Tensor.of(new int[] {k, t}, input.field("l").matrix(k, t, "k lower triangles of d(d-1)/2 entries"));
        return switch (function) {
            case "objective" -> Prepared.of(() -> objective(p, alpha, mu, q, l), (r, out) -> out.number(r.item()));
            case "jacobian" -> Prepared.of(
                    () -> AD.valueAndGrad(a -> objective(p, a[0], a[1], a[2], a[3]), new Tensor[] {alpha, mu, q, l}),
                    (ValueAndGradList r, Out out) -> {
                        out.startObject();
                        out.field("alpha").array(r.grads().get(0).toArray());
                        out.field("mu").matrix(r.grads().get(1).toArray(), d);
                        out.field("q").matrix(r.grads().get(2).toArray(), d);
                        out.field("l").startArray();
                        double[] gl = r.grads().get(3).toArray();
                        for (int i = 0; i < k; i++) out.array(gl, i * t, (i + 1) * t);
                        out.endArray();
                        out.endObject();
                    });
            default -> throw unknownFunction(function);
        };
    }
}
