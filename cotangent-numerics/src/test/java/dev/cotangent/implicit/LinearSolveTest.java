package dev.cotangent.implicit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.check.GradCheck;
import dev.cotangent.check.Packing;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Implicit.linearSolve against closed forms computed by hand ({@link Exact}): the solution, its Jacobians in θ
 * (∂x/∂θ_j = −A⁻¹ e_j x_j for A(θ) = M + diag θ) and in b (A⁻¹), by forward and reverse mode, second order, and
 * the three Krylov methods.
 */
class LinearSolveTest {
    static final int N = 5;
    final SplittableRandom rng = new SplittableRandom(7);
    final double[] m = new double[N * N];
    final double[] theta = new double[N];
    final double[] b = Exact.random(rng, N);

    LinearSolveTest() {
        for (int i = 0; i < N * N; i++) m[i] = rng.nextDouble(-1, 1) + (i % (N + 1) == 0 ? 4 : 0);
        for (int i = 0; i < N; i++) theta[i] = rng.nextDouble(0.5, 1);
    }

    /** A(θ)v = M v + θ ⊙ v: not symmetric. */
    BiFunction<Tensor, Tensor, Tensor> matvec() {
        Tensor mt = Tensor.of(new int[] {N, N}, m);
        return (v, th) -> mt.matmul(v).add(th.mul(v));
    }

    double[] a() {
        double[] a = m.clone();
        for (int i = 0; i < N; i++) a[i * N + i] += theta[i];
        return a;
    }

    @Test
    void solutionAndJacobiansMatchTheClosedForm() {
        Tensor x = Implicit.linearSolve(matvec(), Tensor.of(b), Tensor.of(theta), false);
        double[] expected = Exact.solve(a(), b);
        assertArrayEquals(expected, x.toArray(), 1e-12);

        // ∂x/∂θ = −A⁻¹ diag(x)
        double[] diagX = new double[N * N];
        for (int i = 0; i < N; i++) diagX[i * N + i] = -expected[i];
        double[] jTheta = Exact.solveMatrix(a(), diagX, N, N);
        Function<Tensor, Tensor> ofTheta = th -> Implicit.linearSolve(matvec(), Tensor.of(b), th, false);
        assertArrayEquals(jTheta, AD.jacfwd(ofTheta).apply(Tensor.of(theta)).toArray(), 1e-11);
        assertArrayEquals(jTheta, AD.jacrev(ofTheta).apply(Tensor.of(theta)).toArray(), 1e-11);

        // ∂x/∂b = A⁻¹
        double[] eye = new double[N * N];
        for (int i = 0; i < N; i++) eye[i * N + i] = 1;
        double[] inv = Exact.solveMatrix(a(), eye, N, N);
        Function<Tensor, Tensor> ofB = bb -> Implicit.linearSolve(matvec(), bb, Tensor.of(theta), false);
        assertArrayEquals(inv, AD.jacrev(ofB).apply(Tensor.of(b)).toArray(), 1e-11);
        assertArrayEquals(inv, AD.jacfwd(ofB).apply(Tensor.of(b)).toArray(), 1e-11);
    }

    @Test
    void forwardReverseAndSecondOrderAgreeWithFiniteDifferences() {
        // jvp vs finite differences, the dot-product test, forward-over-reverse vs reverse-over-reverse, hvp vs FD
        Function<Tensor[], Tensor> f = xs -> Implicit.linearSolve(matvec(), xs[0], xs[1], false).sin();
        Tensor packed = Packing.pack(Tensor.of(b), Tensor.of(theta));
        GradCheck.assertAll(Packing.packed(f, Packing.shapes(Tensor.of(b), Tensor.of(theta))), packed,
                new SplittableRandom(3));
    }

    @Test
    void symmetricSystemBySecondOrderClosedForm() {
        // A(s) = S + s·I with S symmetric positive definite; x(s) = A⁻¹b, x' = −A⁻¹x, x'' = 2A⁻²x.
        double[] s = new double[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double t = 0;
                for (int k = 0; k < N; k++) t += m[k * N + i] * m[k * N + j];
                s[i * N + j] = t + (i == j ? 1 : 0);
            }
        }
        Tensor st = Tensor.of(new int[] {N, N}, s);
        double[] c = Exact.random(rng, N);
        double s0 = 0.7;
        Function<Tensor, Tensor> loss = sc -> Implicit.linearSolve((v, th) -> st.matmul(v).add(th.mul(v)), Tensor.of(b),
                sc, true).mul(Tensor.of(c)).sum();
        double[] a = s.clone();
        for (int i = 0; i < N; i++) a[i * N + i] += s0;
        double[] x = Exact.solve(a, b);
        double[] x1 = Exact.solve(a, x);
        double[] x2 = Exact.solve(a, x1);
        double d1 = -Exact.dot(c, x1);
        double d2 = 2 * Exact.dot(c, x2);
        Tensor at = Tensor.of(s0);
        assertEquals(d1, AD.grad(loss).apply(at).toArray()[0], 1e-12);
        assertEquals(d1, AD.jvp(loss, at, Tensor.of(1.0)).tangent().item(), 1e-12);
        assertEquals(d2, AD.hessian(loss).apply(at).toArray()[0], 1e-11);
        assertEquals(d2, AD.hvp(loss, at, Tensor.of(1.0)).toArray()[0], 1e-11);
        assertEquals(d2, AD.grad(AD.grad(loss)).apply(Tensor.scalar(s0)).item(), 1e-11, "reverse over reverse");
    }

    @Test
    void theKrylovMethodsAgree() {
        double[] expected = Exact.solve(a(), b);
        for (Options.Method method : new Options.Method[] {Options.Method.GMRES, Options.Method.BICGSTAB}) {
            Tensor x = Implicit.linearSolve(matvec(), Tensor.of(b), Tensor.of(theta), false,
                    Options.DEFAULT.withLinearMethod(method));
            assertArrayEquals(expected, x.toArray(), 1e-11, method.toString());
        }
        Tensor x = Implicit.linearSolve(matvec(), Tensor.of(b), Tensor.of(theta), false, Options.DEFAULT.withRestart(2));
        assertArrayEquals(expected, x.toArray(), 1e-11, "GMRES(2)");
        // CG on the normal-equations matrix AᵀA (symmetric positive definite), checked against AᵀA x = Aᵀ b
        Tensor at = Tensor.of(new int[] {N, N}, a());
        Tensor y = Implicit.linearSolve((v, th) -> at.transpose().matmul(at.matmul(v)), Tensor.of(b), Tensor.of(theta),
                true);
        double[] ata = Exact.gram(a(), N, N, 0);
        assertArrayEquals(Exact.solve(ata, b), y.toArray(), 1e-10);
    }
}
