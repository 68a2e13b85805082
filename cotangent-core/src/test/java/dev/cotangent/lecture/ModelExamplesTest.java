package dev.cotangent.lecture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.check.FiniteDifferences;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vector and matrix worked examples of the lecture notes: the MLP and ResNet gradients of seed 001, the
 * quadratic and logistic gradients and Hessians of seed 003, the Hessian-vector identity and the
 * multidimensional-scaling loss of seed 004. Every expected value is the slide's closed form evaluated with plain
 * Java loops; the closed forms themselves are also checked against finite differences.
 */
class ModelExamplesTest {
    /** Per test (JUnit makes one instance per test method), so each test sees the same draws whatever the order. */
    private final SplittableRandom rng = new SplittableRandom(2024);

    // ------------------------------------------------------------------ plain linear algebra

    private double[][] randomMatrix(int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (double[] r : a) for (int j = 0; j < cols; j++) r[j] = rng.nextDouble(-1, 1);
        return a;
    }

    private double[] randomVector(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.nextDouble(-1, 1);
        return v;
    }

    private static double[] mv(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < x.length; j++) y[i] += a[i][j] * x[j];
        return y;
    }

    private static double[] mtv(double[][] a, double[] x) { // Aᵀx
        double[] y = new double[a[0].length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < y.length; j++) y[j] += a[i][j] * x[i];
        return y;
    }

    private static double[][] outer(double[] a, double[] b) {
        double[][] o = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < b.length; j++) o[i][j] = a[i] * b[j];
        return o;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double[] map(double[] x, DoubleUnaryOperator f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = f.applyAsDouble(x[i]);
        return y;
    }

    private static double[] flat(double[][] a) {
        double[] f = new double[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) System.arraycopy(a[i], 0, f, i * a[0].length, a[0].length);
        return f;
    }

    private static void close(double[] expected, Tensor actual, double tol, String what) {
        double[] a = actual.toArray();
        assertEquals(expected.length, a.length, what + ": size");
        for (int i = 0; i < a.length; i++) {
            assertEquals(expected[i], a[i], tol * Math.max(1, Math.abs(expected[i])), what + " at " + i);
        }
    }

    // ------------------------------------------------------------------ MLP f(x, A, b) = bᵀρ(Ax)

    @ParameterizedTest
    @ValueSource(strings = {"tanh", "relu"})
    void mlpGradientsAreTheSlidesFormulas(String rho) {
        int q = 4;
        int p = 3;
        double[][] a = randomMatrix(q, p);
        double[] x = randomVector(p);
        double[] b = randomVector(q);
        double[] s = mv(a, x);
        if (rho.equals("relu")) {
            // relu away from its kink: push every |(Ax)_i| to at least 0.2
            for (int i = 0; i < q; i++) {
                if (Math.abs(s[i]) < 0.2) {
                    for (int j = 0; j < p; j++) a[i][j] += 0.4 * Math.signum(s[i] == 0 ? 1 : s[i]) * x[j] / dot(x, x);
                }
            }
            s = mv(a, x);
        }
        boolean tanh = rho.equals("tanh");
        Function<Tensor, Tensor> act = tanh ? Ops::tanh : Ops::relu;
        double[] t = map(s, v -> tanh ? Math.tanh(v) : Math.max(v, 0));
        double[] dt = map(s, v -> tanh ? 1 - Math.tanh(v) * Math.tanh(v) : (v > 0 ? 1 : 0));

        // ∇_A f = [ρ'(Ax) ⊙ b] xᵀ, ∇_b f = ρ(Ax), ∇_x f = Aᵀ[ρ'(Ax) ⊙ b]
        double[] rb = new double[q];
        for (int i = 0; i < q; i++) rb[i] = dt[i] * b[i];
        double[] gradA = flat(outer(rb, x));
        double[] gradX = mtv(a, rb);

        Map<String, Tensor> params = new LinkedHashMap<>();
        params.put("A", Tensor.of(a));
        params.put("b", Tensor.of(b));
        params.put("x", Tensor.of(x));
        Function<Map<String, Tensor>, Tensor> f = m -> Ops.dot(m.get("b"), act.apply(m.get("A").matmul(m.get("x"))));
        var vg = AD.valueAndGrad(f, params);
        assertEquals(dot(b, t), vg.value().item(), 1e-14);
        close(gradA, vg.grads().get("A"), 1e-14, "grad A");
        close(t, vg.grads().get("b"), 1e-15, "grad b");
        close(gradX, vg.grads().get("x"), 1e-14, "grad x");
        assertArrayEquals(new int[] {q, p}, vg.grads().get("A").shape());

        // the closed form for A against finite differences (A as the only variable)
        Tensor tb = Tensor.of(b);
        Tensor tx = Tensor.of(x);
        close(gradA, FiniteDifferences.gradient(m -> Ops.dot(tb, act.apply(m.matmul(tx))), Tensor.of(a)), 1e-9,
                "FD grad A");
    }

    // ------------------------------------------------------------------ ResNet f(x, A) = L(Aᵀρ(Ax) + x)

    @Test
    void resnetGradientIsTheSlidesFormula() {
        int q = 3;
        int p = 4;
        double[][] a = randomMatrix(q, p);
        double[] x = randomVector(p);
        double[] c = randomVector(p); // L(u) = ½‖u − c‖², ∇L(u) = u − c
        // s = Ax, t = ρ(s), u = Aᵀt + x, f = L(u), ρ = tanh
        double[] s = mv(a, x);
        double[] t = map(s, Math::tanh);
        double[] u = mtv(a, t);
        for (int j = 0; j < p; j++) u[j] += x[j];
        double[] gu = new double[p];
        for (int j = 0; j < p; j++) gu[j] = u[j] - c[j];              // ∇_u = ∇L(u)
        double[] gt = mv(a, gu);                                      // ∇_t = A ∇_u
        double[] gs = new double[q];
        for (int i = 0; i < q; i++) gs[i] = (1 - t[i] * t[i]) * gt[i]; // ∇_s = diag(ρ'(s)) ∇_t
        double[][] ga = outer(gs, x);                                 // ∇_A = ∇_s xᵀ + (∇_u tᵀ)ᵀ
        double[][] second = outer(t, gu);
        for (int i = 0; i < q; i++) for (int j = 0; j < p; j++) ga[i][j] += second[i][j];
        double[] gx = mtv(a, gs);                                     // ∇_x = Aᵀ∇_s + ∇_u
        for (int j = 0; j < p; j++) gx[j] += gu[j];
        double value = 0;
        for (int j = 0; j < p; j++) value += 0.5 * (u[j] - c[j]) * (u[j] - c[j]);

        Tensor tc = Tensor.of(c);
        Function<Map<String, Tensor>, Tensor> f = m -> {
            Tensor aa = m.get("A");
            Tensor xx = m.get("x");
            Tensor uu = aa.transpose().matmul(aa.matmul(xx).tanh()).add(xx);
            return uu.sub(tc).square().sum().mul(0.5);
        };
        Map<String, Tensor> params = new LinkedHashMap<>();
        params.put("A", Tensor.of(a));
        params.put("x", Tensor.of(x));
        var vg = AD.valueAndGrad(f, params);
        assertEquals(value, vg.value().item(), 1e-14);
        close(flat(ga), vg.grads().get("A"), 1e-14, "grad A");
        close(gx, vg.grads().get("x"), 1e-14, "grad x");

        // the formula against finite differences, so that a wrong formula cannot agree with a wrong engine
        Tensor tx = Tensor.of(x);
        close(flat(ga), FiniteDifferences.gradient(aa -> {
            Tensor uu = aa.transpose().matmul(aa.matmul(tx).tanh()).add(tx);
            return uu.sub(tc).square().sum().mul(0.5);
        }, Tensor.of(a)), 1e-9, "FD grad A");
    }

    // ------------------------------------------------------------------ quadratic ½xᵀAx − bᵀx + c

    @Test
    void quadraticGradientAndHessian() {
        int n = 4;
        double[][] a = randomMatrix(n, n); // not symmetric on purpose
        double[] b = randomVector(n);
        double c = 0.7;
        double[] x = randomVector(n);
        Tensor ta = Tensor.of(a);
        Tensor tb = Tensor.of(b);
        Function<Tensor, Tensor> f = v -> v.matmul(ta.matmul(v)).mul(0.5).sub(Ops.dot(tb, v)).add(c);
        // ∇f = ½(A + Aᵀ)x − b, ∇²f = ½(A + Aᵀ)
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) h[i][j] = 0.5 * (a[i][j] + a[j][i]);
        double[] grad = mv(h, x);
        for (int i = 0; i < n; i++) grad[i] -= b[i];
        Tensor tx = Tensor.of(x);
        assertEquals(0.5 * dot(x, mv(a, x)) - dot(b, x) + c, f.apply(tx).item(), 1e-14);
        close(grad, AD.grad(f).apply(tx), 1e-14, "gradient");
        Tensor hess = AD.hessian(f).apply(tx);
        assertArrayEquals(new int[] {n, n}, hess.shape());
        close(flat(h), hess, 1e-14, "hessian");
        // the Hessian of a quadratic does not depend on x
        close(flat(h), AD.hessian(f).apply(Tensor.of(randomVector(n))), 1e-14, "hessian elsewhere");
        // reverse-over-reverse gives the same matrix
        close(flat(h), AD.jacrev(AD.grad(f)).apply(tx), 1e-14, "jacrev of grad");
    }

    // ------------------------------------------------------------------ logistic ln(1 + exp⟨a, x⟩)

    @Test
    void logisticGradientAndHessian() {
        int n = 3;
        double[] a = randomVector(n);
        double[] x = randomVector(n);
        Tensor ta = Tensor.of(a);
        Function<Tensor, Tensor> f = v -> Ops.log(Tensor.scalar(1).add(Ops.dot(ta, v).exp()));
        double z = dot(a, x);
        double sigma = 1 / (1 + Math.exp(-z));
        // ∇f = σ(⟨a,x⟩) a, ∇²f = σ(1 − σ) a aᵀ
        double[] grad = map(a, ai -> sigma * ai);
        double[] hess = flat(outer(a, a));
        for (int i = 0; i < hess.length; i++) hess[i] *= sigma * (1 - sigma);
        Tensor tx = Tensor.of(x);
        assertEquals(Math.log(1 + Math.exp(z)), f.apply(tx).item(), 1e-15);
        close(grad, AD.grad(f).apply(tx), 1e-15, "gradient");
        close(hess, AD.hessian(f).apply(tx), 1e-14, "hessian");
        close(grad, FiniteDifferences.gradient(f, tx), 1e-10, "FD gradient");
    }

    // ------------------------------------------------------------------ ∇²f(x)v = ∇⟨∇f(x), v⟩

    @Test
    void hessianVectorProductIdentity() {
        // f(x) = ‖x‖⁴/4: ∇f = ‖x‖² x, ∇²f = ‖x‖² I + 2 x xᵀ
        int n = 5;
        double[] x = randomVector(n);
        double[] v = randomVector(n);
        Function<Tensor, Tensor> f = t -> t.mul(t).sum().square().mul(0.25);
        double[] expected = new double[n];
        double xx = dot(x, x);
        double xv = dot(x, v);
        for (int i = 0; i < n; i++) expected[i] = xx * v[i] + 2 * x[i] * xv;
        Tensor tx = Tensor.of(x);
        Tensor tv = Tensor.of(v);
        // forward-over-reverse (AD.hvp), reverse-over-reverse ∇⟨∇f(x), v⟩, and the full Hessian times v
        close(expected, AD.hvp(f, tx, tv), 1e-14, "hvp");
        close(expected, AD.grad((Tensor t) -> Ops.dot(AD.grad(f).apply(t), tv)).apply(tx), 1e-14, "grad of <grad f, v>");
        close(expected, AD.hessian(f).apply(tx).matmul(tv), 1e-14, "hessian @ v");
    }

    // ------------------------------------------------------------------ multidimensional scaling (seed 004)

    @Test
    void multidimensionalScalingGradient() {
        // L(W) = Σ_ij (‖W_i − W_j‖² − D_ij)²  ⇒  ∂L/∂W_k = 4 Σ_j (e_kj + e_jk)(W_k − W_j), e_ij = ‖W_i − W_j‖² − D_ij
        int nPoints = 4;
        int dim = 2;
        double[][] w = randomMatrix(nPoints, dim);
        double[][] dd = randomMatrix(nPoints, nPoints); // not symmetric: the general formula
        double[][] e = new double[nPoints][nPoints];
        double loss = 0;
        for (int i = 0; i < nPoints; i++) {
            for (int j = 0; j < nPoints; j++) {
                double d2 = 0;
                for (int k = 0; k < dim; k++) d2 += (w[i][k] - w[j][k]) * (w[i][k] - w[j][k]);
                e[i][j] = d2 - dd[i][j];
                loss += e[i][j] * e[i][j];
            }
        }
        double[][] grad = new double[nPoints][dim];
        for (int k = 0; k < nPoints; k++) {
            for (int j = 0; j < nPoints; j++) {
                for (int c = 0; c < dim; c++) grad[k][c] += 4 * (e[k][j] + e[j][k]) * (w[k][c] - w[j][c]);
            }
        }
        Tensor td = Tensor.of(dd);
        Function<Tensor, Tensor> f = ww -> {
            Tensor diff = Ops.unsqueeze(ww, 1).sub(Ops.unsqueeze(ww, 0)); // [N, N, d]
            Tensor d2 = diff.square().sum(2);
            return d2.sub(td).square().sum();
        };
        var vg = AD.valueAndGrad(f, Tensor.of(w));
        assertEquals(loss, vg.value().item(), 1e-13);
        close(flat(grad), vg.grad(), 1e-13, "gradient");
        close(flat(grad), FiniteDifferences.gradient(f, Tensor.of(w)), 1e-9, "FD gradient");
    }
}
