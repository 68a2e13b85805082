package dev.cotangent.implicit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.check.GradCheck;
import dev.cotangent.check.Packing;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * root, fixedPoint and argmin against closed forms computed by hand ({@link Exact}) — a linear fixed point
 * x = Wx + θ (x* = (I − W)⁻¹θ), ridge regression (x*(λ) = (XᵀX + λI)⁻¹Xᵀy and its first and second derivatives),
 * an elementwise cubic — and against finite differences with the dot-product and second-order checks.
 */
class ImplicitTest {
    final SplittableRandom rng = new SplittableRandom(11);

    // ------------------------------------------------------------------ fixed point

    static final int N = 6;

    double[] contraction() {
        double[] w = new double[N * N];
        for (int i = 0; i < w.length; i++) w[i] = rng.nextDouble(-1, 1) * 0.6 / N; // ‖W‖∞ < 0.6
        return w;
    }

    @Test
    void linearFixedPointIsTheInverseOfIMinusW() {
        double[] w = contraction();
        Tensor wt = Tensor.of(new int[] {N, N}, w);
        double[] theta = Exact.random(rng, N);
        Function<Tensor, Tensor> x = th -> Implicit.fixedPoint((z, t) -> wt.matmul(z).add(t), Tensor.zeros(N), th);
        double[] iw = new double[N * N];
        for (int i = 0; i < N * N; i++) iw[i] = (i % (N + 1) == 0 ? 1 : 0) - w[i];
        assertArrayEquals(Exact.solve(iw, theta), x.apply(Tensor.of(theta)).toArray(), 1e-12);
        double[] eye = new double[N * N];
        for (int i = 0; i < N; i++) eye[i * N + i] = 1;
        double[] inv = Exact.solveMatrix(iw, eye, N, N); // ∂x*/∂θ = (I − W)⁻¹
        assertArrayEquals(inv, AD.jacfwd(x).apply(Tensor.of(theta)).toArray(), 1e-11);
        assertArrayEquals(inv, AD.jacrev(x).apply(Tensor.of(theta)).toArray(), 1e-11);
    }

    @Test
    void fixedPointGradientInTheMatrixIsTheOuterProductOfTheAdjoint() {
        // L = ⟨c, x*⟩ with x* = (I − W)⁻¹θ: ∂L/∂W = w x*ᵀ with (I − W)ᵀ w = c, and ∂L/∂θ = w.
        double[] w = contraction();
        double[] theta = Exact.random(rng, N);
        double[] c = Exact.random(rng, N);
        Function<Tensor[], Tensor> loss = p -> Implicit.fixedPoint((z, t) -> t[0].matmul(z).add(t[1]), Tensor.zeros(N),
                p, Options.DEFAULT).mul(Tensor.of(c)).sum();
        var g = AD.valueAndGrad(loss, new Tensor[] {Tensor.of(new int[] {N, N}, w), Tensor.of(theta)}).grads();
        double[] iwT = new double[N * N];
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) iwT[i * N + j] = (i == j ? 1 : 0) - w[j * N + i];
        double[] adj = Exact.solve(iwT, c);
        double[] iw = new double[N * N];
        for (int i = 0; i < N * N; i++) iw[i] = (i % (N + 1) == 0 ? 1 : 0) - w[i];
        double[] xs = Exact.solve(iw, theta);
        double[] gw = new double[N * N];
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) gw[i * N + j] = adj[i] * xs[j];
        assertArrayEquals(gw, g.get(0).toArray(), 1e-12);
        assertArrayEquals(adj, g.get(1).toArray(), 1e-12);
    }

    @Test
    void nonlinearFixedPointPassesEveryGradientCheck() {
        // x = ½ tanh(W x + θ) + 0.1·θ²: forward vs finite differences, reverse vs forward, second order both ways
        Tensor wt = Tensor.of(new int[] {N, N}, contraction());
        Function<Tensor, Tensor> f = th -> Implicit.fixedPoint((z, t) -> wt.matmul(z).add(t).tanh().mul(0.5)
                .add(t.square().mul(0.1)), Tensor.zeros(N), th).exp();
        GradCheck.assertAll(f, Tensor.of(Exact.random(rng, N)), new SplittableRandom(2));
    }

    @Test
    void reverseModeMemoryDoesNotGrowWithTheIterations() {
        Tensor theta = Tensor.of(Exact.random(rng, N));
        long[] bytes = new long[2];
        int[] iterations = new int[2];
        double[] rates = {0.3, 0.97};
        for (int k = 0; k < 2; k++) {
            double rate = rates[k];
            AtomicInteger count = new AtomicInteger();
            BiFunction<Tensor, Tensor, Tensor> t = (z, th) -> {
                count.incrementAndGet();
                return z.sin().mul(rate).add(th);
            };
            var r = AD.vjp(th -> Implicit.fixedPoint(t, Tensor.zeros(N), th).square().sum(), theta);
            bytes[k] = r.savedBytes();
            iterations[k] = count.get();
            // and the gradient is right: dx/dθ = (I − rate·diag cos x)⁻¹
            double[] x = Implicit.fixedPoint(t, Tensor.zeros(N), theta).toArray();
            double[] expected = new double[N];
            for (int i = 0; i < N; i++) expected[i] = 2 * x[i] / (1 - rate * Math.cos(x[i]));
            assertArrayEquals(expected, r.pullback(Tensor.scalar(1)).toArray(), 1e-10);
        }
        assertTrue(iterations[1] > 10 * iterations[0], "iterations " + iterations[0] + " and " + iterations[1]);
        assertEquals(bytes[0], bytes[1], "tape bytes with " + iterations[0] + " and " + iterations[1] + " iterations");
        assertTrue(bytes[0] > 0 && bytes[0] < 2000, "tape bytes " + bytes[0]);
    }

    // ------------------------------------------------------------------ root

    /** x³ + x = θ elementwise, solved by a scalar Newton iteration in the test. */
    static Tensor cubicSolve(Tensor x0, Tensor theta) {
        double[] t = theta.toArray();
        double[] x = x0.toArray();
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < 60; k++) x[i] -= (x[i] * x[i] * x[i] + x[i] - t[i]) / (3 * x[i] * x[i] + 1);
        }
        return Tensor.of(x);
    }

    @Test
    void rootOfACubicHasDerivativeOneOverTheSlope() {
        double[] theta = {-2, 0.5, 3};
        BiFunction<Tensor, Tensor, Tensor> f = (x, th) -> x.pow(3).add(x).sub(th);
        Function<Tensor, Tensor> root = th -> Implicit.root(f, ImplicitTest::cubicSolve, Tensor.zeros(3), th);
        double[] x = root.apply(Tensor.of(theta)).toArray();
        double[] slope = new double[9];
        for (int i = 0; i < 3; i++) {
            assertEquals(theta[i], x[i] * x[i] * x[i] + x[i], 1e-12);
            slope[i * 3 + i] = 1 / (3 * x[i] * x[i] + 1);
        }
        assertArrayEquals(slope, AD.jacfwd(root).apply(Tensor.of(theta)).toArray(), 1e-12);
        assertArrayEquals(slope, AD.jacrev(root).apply(Tensor.of(theta)).toArray(), 1e-12);
        // d²x/dθ² = −6x·x'³
        Function<Tensor, Tensor> sum = th -> root.apply(th).sum();
        double[] second = AD.hvp(sum, Tensor.of(theta), Tensor.of(1, 1, 1)).toArray();
        for (int i = 0; i < 3; i++) assertEquals(-6 * x[i] * Math.pow(slope[i * 4], 3), second[i], 1e-12);
        GradCheck.assertAll(th -> root.apply(th).mul(th), Tensor.of(theta), new SplittableRandom(4));
    }

    @Test
    void coupledRootWithSeveralParameters() {
        // F(x; M, θ) = M x + sin x − θ; x* from the test's own Newton; ∂x*/∂θ = (M + diag cos x*)⁻¹
        int n = 4;
        double[] m = new double[n * n];
        for (int i = 0; i < m.length; i++) m[i] = rng.nextDouble(-1, 1) + (i % (n + 1) == 0 ? 3 : 0);
        double[] theta = Exact.random(rng, n);
        Implicit.Parametric f = (x, p) -> p[0].matmul(x).add(x.sin()).sub(p[1]);
        Implicit.Parametric solve = (x0, p) -> {
            double[] mm = p[0].toArray();
            double[] th = p[1].toArray();
            double[] x = x0.toArray();
            for (int k = 0; k < 50; k++) {
                double[] r = Exact.mul(mm, n, n, x);
                double[] jac = mm.clone();
                for (int i = 0; i < n; i++) {
                    r[i] += Math.sin(x[i]) - th[i];
                    jac[i * n + i] += Math.cos(x[i]);
                }
                double[] dx = Exact.solve(jac, r);
                for (int i = 0; i < n; i++) x[i] -= dx[i];
            }
            return Tensor.of(x);
        };
        Tensor mt = Tensor.of(new int[] {n, n}, m);
        Function<Tensor, Tensor> ofTheta = th -> Implicit.root(f, solve, Tensor.zeros(n), new Tensor[] {mt, th}, false,
                Options.DEFAULT);
        double[] x = ofTheta.apply(Tensor.of(theta)).toArray();
        double[] jac = m.clone();
        for (int i = 0; i < n; i++) jac[i * n + i] += Math.cos(x[i]);
        double[] eye = new double[n * n];
        for (int i = 0; i < n; i++) eye[i * n + i] = 1;
        assertArrayEquals(Exact.solveMatrix(jac, eye, n, n), AD.jacrev(ofTheta).apply(Tensor.of(theta)).toArray(), 1e-11);
        Function<Tensor[], Tensor> both = p -> Implicit.root(f, solve, Tensor.zeros(n), p, false, Options.DEFAULT).cos();
        GradCheck.assertAll(Packing.packed(both, Packing.shapes(mt, Tensor.of(theta))),
                Packing.pack(mt, Tensor.of(theta)), new SplittableRandom(5));
    }

    // ------------------------------------------------------------------ argmin

    static final int R = 30;
    static final int C = 4;

    @Test
    void ridgeRegressionMatchesItsClosedFormToSecondOrder() {
        double[] x = Exact.random(rng, R * C);
        double[] y = Exact.random(rng, R);
        double[] bv = Exact.random(rng, 8 * C); // validation design
        double[] z = Exact.random(rng, 8);
        Tensor xt = Tensor.of(new int[] {R, C}, x);
        Tensor yt = Tensor.of(y);
        Tensor bt = Tensor.of(new int[] {8, C}, bv);
        Tensor zt = Tensor.of(z);
        BiFunction<Tensor, Tensor, Tensor> energy = (w, lam) -> xt.matmul(w).sub(yt).square().sum().mul(0.5)
                .add(lam.mul(w.square().sum()).mul(0.5));
        Function<Tensor, Tensor> wStar = lam -> Implicit.argmin(energy, Tensor.zeros(C), lam);
        Function<Tensor, Tensor> val = lam -> bt.matmul(wStar.apply(lam)).sub(zt).square().sum().mul(0.5);
        double lambda = 0.3;
        // closed form: w = H⁻¹Xᵀy, w' = −H⁻¹w, w'' = 2H⁻²w, H = XᵀX + λI
        double[] h = Exact.gram(x, R, C, lambda);
        double[] w = Exact.solve(h, Exact.mulT(x, R, C, y));
        double[] w1 = Exact.solve(h, w);
        for (int i = 0; i < C; i++) w1[i] = -w1[i];
        double[] w2 = Exact.solve(h, Exact.solve(h, w));
        for (int i = 0; i < C; i++) w2[i] *= 2;
        double[] r = Exact.mul(bv, 8, C, w);
        for (int i = 0; i < 8; i++) r[i] -= z[i];
        double[] bw1 = Exact.mul(bv, 8, C, w1);
        double d1 = Exact.dot(r, bw1);
        double d2 = Exact.dot(bw1, bw1) + Exact.dot(r, Exact.mul(bv, 8, C, w2));

        Tensor lam = Tensor.scalar(lambda);
        assertArrayEquals(w, wStar.apply(lam).toArray(), 1e-12);
        assertArrayEquals(w1, AD.jvp(wStar, lam, Tensor.scalar(1)).tangent().toArray(), 1e-12);
        assertEquals(d1, AD.grad(val).apply(lam).item(), 1e-12);
        assertEquals(d2, AD.grad(AD.grad(val)).apply(lam).item(), 1e-11, "reverse over reverse");
        assertEquals(d2, AD.hvp(val, lam, Tensor.scalar(1)).item(), 1e-11, "forward over reverse");
        assertEquals(d2, AD.hessian(val).apply(lam).item(), 1e-11, "hessian (jacfwd of grad)");
        assertEquals(d2, AD.jvp(AD.jacrev(val), lam, Tensor.scalar(1)).tangent().item(), 1e-11, "jacrev then jvp");
        assertEquals(d2, AD.grad((Tensor l) -> AD.jvp(val, l, Tensor.scalar(1)).tangent()).apply(lam).item(), 1e-11,
                "reverse over forward");
    }

    @Test
    void perFeatureRidgePassesEveryGradientCheck() {
        // θ = per-feature penalties: E = ½‖Xw − y‖² + ½ Σ θ_i w_i²; the hypergradient and its Hessian in θ
        double[] x = Exact.random(rng, R * C);
        Tensor xt = Tensor.of(new int[] {R, C}, x);
        Tensor yt = Tensor.of(Exact.random(rng, R));
        Tensor bt = Tensor.of(new int[] {8, C}, Exact.random(rng, 8 * C));
        Tensor zt = Tensor.of(Exact.random(rng, 8));
        BiFunction<Tensor, Tensor, Tensor> energy = (w, th) -> xt.matmul(w).sub(yt).square().sum().mul(0.5)
                .add(th.mul(w.square()).sum().mul(0.5));
        Function<Tensor, Tensor> val = th -> bt.matmul(Implicit.argmin(energy, Tensor.zeros(C), th)).sub(zt).square()
                .sum().mul(0.5);
        Tensor theta = Tensor.of(0.5, 1.0, 0.2, 2.0);
        GradCheck.assertAll(val, theta, new SplittableRandom(6));
        // the full Hessian (forward over reverse, batched) against reverse over reverse, column by column
        double[] hess = AD.hessian(val).apply(theta).toArray();
        for (int j = 0; j < C; j++) {
            int col = j;
            double[] rr = AD.grad(th -> AD.grad(val).apply(th).mul(Tensor.of(basis(C, col))).sum()).apply(theta).toArray();
            for (int i = 0; i < C; i++) assertEquals(rr[i], hess[i * C + j], 1e-10);
        }
    }

    @Test
    void argminOfANonQuadraticEnergy() {
        // E(x, θ) = Σ cosh(x_i) − θ·x (elementwise): ∇E = sinh x − θ, x* = asinh θ, dx*/dθ = 1/√(1 + θ²)
        BiFunction<Tensor, Tensor, Tensor> energy = (x, th) -> x.exp().add(x.neg().exp()).mul(0.5).sub(th.mul(x)).sum();
        double[] theta = {-3, 0.2, 5};
        Function<Tensor, Tensor> xs = th -> Implicit.argmin(energy, Tensor.zeros(3), th);
        double[] got = xs.apply(Tensor.of(theta)).toArray();
        double[] jac = AD.jacrev(xs).apply(Tensor.of(theta)).toArray();
        for (int i = 0; i < 3; i++) {
            double t = theta[i];
            assertEquals(Math.log(t + Math.sqrt(t * t + 1)), got[i], 1e-12);
            assertEquals(1 / Math.sqrt(1 + t * t), jac[i * 4], 1e-12);
        }
        GradCheck.assertAll(th -> xs.apply(th).mul(Ops.sin(th)), Tensor.of(theta), new SplittableRandom(8));
    }

    static double[] basis(int n, int i) {
        double[] e = new double[n];
        e[i] = 1;
        return e;
    }
}
