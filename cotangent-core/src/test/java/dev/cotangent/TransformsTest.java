package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.check.FiniteDifferences;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The contract of the transforms in {@link AD}: what each returns, of which shape, and how they nest. */
class TransformsTest {
    private static final Tensor X = Tensor.of(0.5, -1.0, 2.0);

    private static void close(double[] expected, Tensor actual, double tol) {
        assertArrayEquals(expected, actual.toArray(), tol);
    }

    // ------------------------------------------------------------------ grad, valueAndGrad

    @Test
    void gradOfASumOfSquaresIsTwiceTheInput() {
        Function<Tensor, Tensor> g = AD.grad(x -> x.mul(x).sum()); // must compile as written
        Tensor grad = g.apply(X);
        assertArrayEquals(X.shape(), grad.shape());
        close(new double[] {1.0, -2.0, 4.0}, grad, 0.0);
    }

    @Test
    void gradOfAMatrixInputHasTheMatrixShape() {
        Tensor m = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor g = AD.grad((Tensor x) -> x.sin().sum()).apply(m);
        assertArrayEquals(new int[] {2, 3}, g.shape());
        double[] expected = new double[6];
        for (int i = 0; i < 6; i++) expected[i] = Math.cos(i + 1);
        close(expected, g, 1e-15);
    }

    @Test
    void valueAndGradGivesBothFromOnePass() {
        int[] calls = {0};
        ValueAndGrad vg = AD.valueAndGrad(x -> {
            calls[0]++;
            return x.exp().sum();
        }, X);
        assertEquals(1, calls[0]);
        assertEquals(Math.exp(0.5) + Math.exp(-1) + Math.exp(2), vg.value().item(), 1e-14);
        assertArrayEquals(new int[0], vg.value().shape());
        close(new double[] {Math.exp(0.5), Math.exp(-1), Math.exp(2)}, vg.grad(), 1e-15);
    }

    @Test
    void gradOfAConstantFunctionIsZeroOfTheInputShape() {
        Tensor c = Tensor.scalar(4.0);
        Tensor g = AD.grad((Tensor x) -> c).apply(X);
        assertArrayEquals(X.shape(), g.shape());
        close(new double[] {0, 0, 0}, g, 0.0);
    }

    // ------------------------------------------------------------------ jvp, vjp

    @Test
    void jvpGivesValueAndDirectionalDerivative() {
        Tensor v = Tensor.of(1.0, 0.5, -2.0);
        JvpResult r = AD.jvp(x -> x.mul(x).mul(x), X, v); // ẏ = 3x² v
        close(new double[] {0.125, -1.0, 8.0}, r.value(), 0.0);
        close(new double[] {0.75, 1.5, -24.0}, r.tangent(), 1e-15);
        assertTrue(!(r.value() instanceof dev.cotangent.trace.Tracer) && !(r.tangent() instanceof dev.cotangent.trace.Tracer),
                "jvp returns concrete tensors");
    }

    @Test
    void jvpOfAFunctionIndependentOfItsInputIsZeroOfTheOutputShape() {
        Tensor c = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        JvpResult r = AD.jvp(x -> c.mul(2), X, X);
        assertArrayEquals(new int[] {2, 2}, r.tangent().shape());
        close(new double[] {0, 0, 0, 0}, r.tangent(), 0.0);
        close(new double[] {2, 4, 6, 8}, r.value(), 0.0);
    }

    @Test
    void identityPassesTangentsAndCotangentsThrough() {
        Tensor v = Tensor.of(3, 4, 5);
        close(v.toArray(), AD.jvp(x -> x, X, v).tangent(), 0.0);
        close(v.toArray(), AD.vjp(x -> x, X).pullback(v), 0.0);
    }

    @Test
    void pullbackCanBeCalledManyTimesOnOneRecording() {
        int[] calls = {0};
        // f(x) = [x0·x1, sin x2]: Jᵀ u = [u0 x1, u0 x0, u1 cos x2]
        VjpResult r = AD.vjp(x -> {
            calls[0]++;
            return Ops.concat(0, Ops.slice(x, 0, 0, 1).mul(Ops.slice(x, 0, 1, 2)), Ops.slice(x, 0, 2, 3).sin());
        }, X);
        close(new double[] {-0.5, Math.sin(2.0)}, r.value(), 1e-15);
        double[][] us = {{1, 0}, {0, 1}, {2, -3}, {1, 0}};
        for (double[] u : us) {
            Tensor g = r.pullback(Tensor.of(u));
            close(new double[] {u[0] * -1.0, u[0] * 0.5, u[1] * Math.cos(2.0)}, g, 1e-15);
        }
        assertEquals(1, calls[0], "f is evaluated once, whatever the number of pullbacks");
    }

    @Test
    void pullbackIsLinearAndDifferentiableInTheCotangent() {
        VjpResult r = AD.vjp(x -> x.exp().mul(x), X);
        Tensor u = Tensor.of(1, 2, 3);
        Tensor d = Tensor.of(-1, 0.5, 4);
        // the pullback is linear in ȳ, so its JVP in direction d is the pullback of d, run under another transform
        Tensor tangent = AD.jvp(r::pullback, u, d).tangent();
        close(r.pullback(d).toArray(), tangent, 1e-15);
        // and its gradient (of ⟨pullback(ȳ), 1⟩) is J·1
        Tensor g = AD.grad((Tensor c) -> r.pullback(c).sum()).apply(u);
        double[] x = X.toArray();
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) expected[i] = Math.exp(x[i]) * (1 + x[i]);
        close(expected, g, 1e-14);
    }

    // ------------------------------------------------------------------ Jacobians

    @Test
    void jacobiansHaveShapeOutputThenInput() {
        Tensor m = Tensor.of(new double[][] {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}}); // [2, 3]
        Function<Tensor, Tensor> f = x -> Ops.sum(x.sin(), false, 1).reshape(2, 1).mul(Tensor.of(1, 2)); // [2,2]
        for (Function<Function<Tensor, Tensor>, Function<Tensor, Tensor>> t : List.<Function<Function<Tensor, Tensor>,
                Function<Tensor, Tensor>>>of(AD::jacfwd, AD::jacrev, AD::jacobian)) {
            Tensor j = t.apply(f).apply(m);
            assertArrayEquals(new int[] {2, 2, 2, 3}, j.shape());
            close(FiniteDifferences.jacobian(f, m).toArray(), j, 1e-10);
        }
    }

    @Test
    void jacobianShapesOfScalarsAndVectors() {
        Function<Tensor, Tensor> norm2 = x -> x.mul(x).sum(); // [3] → []
        Function<Tensor, Tensor> scale = x -> Tensor.of(1, 2, 3).mul(x); // [] → [3]
        for (var t : List.<Function<Function<Tensor, Tensor>, Function<Tensor, Tensor>>>of(AD::jacfwd, AD::jacrev,
                AD::jacobian)) {
            Tensor a = t.apply(norm2).apply(X);
            assertArrayEquals(new int[] {3}, a.shape());
            close(new double[] {1, -2, 4}, a, 1e-15);
            Tensor b = t.apply(scale).apply(Tensor.scalar(2));
            assertArrayEquals(new int[] {3}, b.shape());
            close(new double[] {1, 2, 3}, b, 0.0);
            Tensor c = t.apply(Ops::sin).apply(Tensor.scalar(0.3));
            assertArrayEquals(new int[0], c.shape());
            assertEquals(Math.cos(0.3), c.item(), 1e-15);
        }
    }

    // ------------------------------------------------------------------ Hessians

    @Test
    void hessianIsForwardOverReverseWithShapeInputTwice() {
        Tensor m = Tensor.of(new double[][] {{0.3, -0.2}, {0.5, 1.0}});
        Function<Tensor, Tensor> f = x -> x.mul(x).mul(x).sum(); // ∇² = diag(6x)
        Tensor h = AD.hessian(f).apply(m);
        assertArrayEquals(new int[] {2, 2, 2, 2}, h.shape());
        double[] x = m.toArray();
        double[] expected = new double[16];
        for (int i = 0; i < 4; i++) expected[i * 4 + i] = 6 * x[i];
        close(expected, h, 1e-14);
    }

    @Test
    void hvpAndHessianMatchTheAnalyticHessian() {
        // f(x) = S·C with S = Σ sin x_i, C = Σ cos x_i:
        // H_kl = −δ_kl (C sin x_k + S cos x_k) − cos x_k sin x_l − sin x_k cos x_l
        Function<Tensor, Tensor> f = x -> x.sin().sum().mul(x.cos().sum());
        double[] x = X.toArray();
        double[] v = {0.3, 0.1, -0.7};
        double sum = 0;
        double cos = 0;
        for (double xi : x) {
            sum += Math.sin(xi);
            cos += Math.cos(xi);
        }
        double[] h = new double[9];
        double[] hv = new double[3];
        for (int k = 0; k < 3; k++) {
            for (int l = 0; l < 3; l++) {
                h[k * 3 + l] = -Math.cos(x[k]) * Math.sin(x[l]) - Math.sin(x[k]) * Math.cos(x[l])
                        - (k == l ? cos * Math.sin(x[k]) + sum * Math.cos(x[k]) : 0);
                hv[k] += h[k * 3 + l] * v[l];
            }
        }
        close(h, AD.hessian(f).apply(X), 1e-14);
        close(hv, AD.hvp(f, X, Tensor.of(v)), 1e-14);
    }

    @Test
    void hessianOfAFunctionThatCallsGrad() {
        // f(x) = ½‖∇g(x)‖² with g(x) = Σ e^{x_i}: f = ½ Σ e^{2x_i}, ∇²f = diag(2 e^{2x})
        Function<Tensor, Tensor> g = x -> x.exp().sum();
        Function<Tensor, Tensor> f = x -> AD.grad(g).apply(x).square().sum().mul(0.5);
        Tensor h = AD.hessian(f).apply(X);
        double[] x = X.toArray();
        double[] expected = new double[9];
        for (int i = 0; i < 3; i++) expected[i * 3 + i] = 2 * Math.exp(2 * x[i]);
        close(expected, h, 1e-13);
    }

    // ------------------------------------------------------------------ nesting to third order

    @Test
    void thirdDerivativeOfSinIsMinusCosInEveryNesting() {
        Function<Tensor, Tensor> sin = Ops::sin;
        Function<Function<Tensor, Tensor>, Function<Tensor, Tensor>> fwd =
                f -> x -> AD.jvp(f, x, Tensor.scalar(1)).tangent();
        Function<Function<Tensor, Tensor>, Function<Tensor, Tensor>> rev = AD::grad;
        for (double x : new double[] {-1.0, 0.0, 0.7, 2.5}) {
            Tensor t = Tensor.scalar(x);
            double expected = -Math.cos(x);
            assertEquals(expected, rev.apply(rev.apply(rev.apply(sin))).apply(t).item(), 1e-15, "rev rev rev");
            assertEquals(expected, fwd.apply(fwd.apply(fwd.apply(sin))).apply(t).item(), 1e-15, "fwd fwd fwd");
            assertEquals(expected, fwd.apply(rev.apply(rev.apply(sin))).apply(t).item(), 1e-15, "fwd rev rev");
            assertEquals(expected, rev.apply(fwd.apply(rev.apply(sin))).apply(t).item(), 1e-15, "rev fwd rev");
            assertEquals(expected, rev.apply(rev.apply(fwd.apply(sin))).apply(t).item(), 1e-15, "rev rev fwd");
            assertEquals(expected, rev.apply(fwd.apply(fwd.apply(sin))).apply(t).item(), 1e-15, "rev fwd fwd");
            // and the fourth is sin again
            assertEquals(Math.sin(x), rev.apply(rev.apply(rev.apply(rev.apply(sin)))).apply(t).item(), 1e-15);
        }
    }

    @Test
    void jacfwdOfJacrevIsTheHessianOfAVectorFunction() {
        // f(x) = x0² x1 + sin x1: ∇²f = [[2x1, 2x0], [2x0, −sin x1]]
        Function<Tensor, Tensor> f = x -> {
            Tensor a = Ops.slice(x, 0, 0, 1).sum();
            Tensor b = Ops.slice(x, 0, 1, 2).sum();
            return a.mul(a).mul(b).add(b.sin());
        };
        Tensor x = Tensor.of(0.4, 1.3);
        double[] expected = {2 * 1.3, 2 * 0.4, 2 * 0.4, -Math.sin(1.3)};
        close(expected, AD.jacfwd(AD.jacrev(f)).apply(x), 1e-15);
        close(expected, AD.jacrev(AD.jacfwd(f)).apply(x), 1e-15);
        close(expected, AD.jacrev(AD.jacrev(f)).apply(x), 1e-15);
    }

    @Test
    void thirdOrderTensorByNestedJacobiansMatchesFiniteDifferencesOfTheHessian() {
        // f(x) = Σ_i x_i² x_{i+1} + exp(x0·x2) + log Σ exp(x): the third derivatives are symmetric in all axes
        Function<Tensor, Tensor> f = x -> {
            Tensor head = Ops.slice(x, 0, 0, 2);
            Tensor tail = Ops.slice(x, 0, 1, 3);
            Tensor cross = Ops.slice(x, 0, 0, 1).mul(Ops.slice(x, 0, 2, 3)).exp().sum();
            return head.square().mul(tail).sum().add(cross).add(Ops.logsumexp(x, false));
        };
        Tensor x = Tensor.of(0.3, -0.4, 0.9);
        Tensor t3 = AD.jacfwd(AD.jacrev(AD.grad(f))).apply(x);
        assertArrayEquals(new int[] {3, 3, 3}, t3.shape());
        close(FiniteDifferences.jacobian(AD.hessian(f), x).toArray(), t3, 1e-8);
        double[] d = t3.toArray();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(d[i * 9 + j * 3 + k], d[j * 9 + k * 3 + i], 1e-13);
                    assertEquals(d[i * 9 + j * 3 + k], d[k * 9 + i * 3 + j], 1e-13);
                }
            }
        }
        close(t3.toArray(), AD.jacrev(AD.jacfwd(AD.grad(f))).apply(x), 1e-13);
        close(t3.toArray(), AD.jacfwd(AD.hessian(f)).apply(x), 1e-13);
    }

    // ------------------------------------------------------------------ several arguments

    @Test
    void twoArgumentGradGivesBothPartials() {
        BiFunction<Tensor, Tensor, Tensor> f = (x, y) -> x.mul(y).sum().add(y.exp().sum());
        Tensor y = Tensor.of(0.1, 0.2, 0.3);
        Tensor[] g = AD.grad(f).apply(X, y);
        assertEquals(2, g.length);
        close(y.toArray(), g[0], 0.0);
        close(new double[] {0.5 + Math.exp(0.1), -1 + Math.exp(0.2), 2 + Math.exp(0.3)}, g[1], 1e-15);
    }

    @Test
    void namedParametersKeepTheirOrderAndShapesAndUnusedOnesGetZeros() {
        Map<String, Tensor> params = new LinkedHashMap<>();
        params.put("w", Tensor.of(new double[][] {{1, 2}, {3, 4}}));
        params.put("unused", Tensor.of(7, 8, 9));
        params.put("b", Tensor.of(0.5, -0.5));
        Tensor in = Tensor.of(1, -1);
        ValueAndGrads vg = AD.valueAndGrad(p -> p.get("w").matmul(in).add(p.get("b")).square().sum(), params);
        assertEquals(List.of("w", "unused", "b"), List.copyOf(vg.grads().keySet()));
        // r = W in + b = [-0.5, -1.5]; value Σ r²; ∂/∂b = 2r; ∂/∂W = 2 r inᵀ
        assertEquals(0.25 + 2.25, vg.value().item(), 1e-15);
        close(new double[] {-1, -3}, vg.grads().get("b"), 1e-15);
        close(new double[] {-1, 1, -3, 3}, vg.grads().get("w"), 1e-15);
        assertArrayEquals(new int[] {2, 2}, vg.grads().get("w").shape());
        close(new double[] {0, 0, 0}, vg.grads().get("unused"), 0.0);
        Map<String, Tensor> g = AD.grad(p -> p.get("w").matmul(in).add(p.get("b")).square().sum(), params);
        assertEquals(List.of("w", "unused", "b"), List.copyOf(g.keySet()));
        for (String k : g.keySet()) close(vg.grads().get(k).toArray(), g.get(k), 0.0);
    }

    @Test
    void gradOfNamedParametersEqualsTheValueAndGradForm() {
        Map<String, Tensor> params = new LinkedHashMap<>();
        params.put("a", Tensor.scalar(1.5));
        params.put("b", Tensor.of(2, 3));
        Function<Map<String, Tensor>, Tensor> f = p -> p.get("b").mul(p.get("a")).sin().sum();
        Map<String, Tensor> g = AD.grad(f, params);
        // ∂/∂a = Σ b cos(a b), ∂/∂b = a cos(a b)
        assertEquals(2 * Math.cos(3) + 3 * Math.cos(4.5), g.get("a").item(), 1e-14);
        close(new double[] {1.5 * Math.cos(3), 1.5 * Math.cos(4.5)}, g.get("b"), 1e-15);
    }

    // ------------------------------------------------------------------ stopGradient

    @Test
    void stopGradientCutsDerivativesInEveryMode() {
        Function<Tensor, Tensor> f = x -> x.mul(AD.stopGradient(x)).sum(); // d/dx = stop(x), not 2x
        close(X.toArray(), AD.grad(f).apply(X), 0.0);
        Tensor v = Tensor.of(1, 1, 1);
        assertEquals(0.5 - 1.0 + 2.0, AD.jvp(f, X, v).tangent().item(), 0.0);
        // second order: ∇f = stop(x) is constant, so the Hessian is 0
        close(new double[9], AD.hessian(f).apply(X), 0.0);
        // the value is untouched
        assertEquals(0.25 + 1 + 4, f.apply(X).item(), 0.0);
        Tensor c = Tensor.of(1, 2);
        assertSame(c.value(), AD.stopGradient(c).value());
    }

    @Test
    void stopGradientInsideAnInnerTransformOnlyCutsThatLevel() {
        // d/dx [ grad_y ( stop(x)·y² ) at y = x ] = d/dx [ 2 stop(x) x ]... the stop is applied by the inner
        // function to the outer variable, so it cuts the outer derivative too: d/dx (2·stop(x)·x) = 2x
        Function<Tensor, Tensor> inner = x -> AD.grad((Tensor y) -> AD.stopGradient(x).mul(y).mul(y)).apply(x);
        assertEquals(2 * 0.8, AD.grad(inner).apply(Tensor.scalar(0.8)).item(), 1e-15);
        // without the stop: d/dx (2x·x) = 4x
        Function<Tensor, Tensor> plain = x -> AD.grad((Tensor y) -> x.mul(y).mul(y)).apply(x);
        assertEquals(4 * 0.8, AD.grad(plain).apply(Tensor.scalar(0.8)).item(), 1e-15);
    }
}
