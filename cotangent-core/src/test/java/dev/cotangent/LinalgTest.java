package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.graph.Evaluator;
import dev.cotangent.graph.Graph;
import dev.cotangent.graph.Listing;
import dev.cotangent.tensor.NDArray;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Closed forms of the LU/Cholesky family of {@link Linalg}: values and derivatives worked out by hand on small
 * matrices, the derivative identities d log|det A|/dA = A⁻ᵀ and d det A/dA = adj(A)ᵀ (at singular matrices too),
 * which triangle each op reads, broadcasting of batch axes, vmap, and second derivatives. The degenerate and error
 * cases are in {@link LinalgErrorsTest}; the rule contract of every primitive is in the exhaustive rule test.
 */
class LinalgTest {
    private static final double TOL = 1e-12;

    static Tensor m(double[][] rows) {
        return Tensor.of(rows);
    }

    /** A random well-conditioned n×n matrix: entries in [−1, 1] plus n·I. */
    static Tensor wellConditioned(SplittableRandom r, int n) {
        double[] d = new double[n * n];
        for (int i = 0; i < d.length; i++) d[i] = r.nextDouble(-1, 1);
        for (int i = 0; i < n; i++) d[i * n + i] += n;
        return Tensor.of(new int[] {n, n}, d);
    }

    static void close(Tensor expected, Tensor actual, double tol) {
        assertArrayEquals(expected.shape(), actual.shape(), "shape");
        assertArrayEquals(expected.toArray(), actual.toArray(), tol);
    }

    // ------------------------------------------------------------------ solve

    @Test
    void solveAndItsGradientOnATwoByTwoByHand() {
        // A = [[2, 1], [−1, 3]], det 7, A⁻¹ = [[3, −1], [1, 2]]/7; b = [1, 2]: x = [1, 5]/7
        Tensor a = m(new double[][] {{2, 1}, {-1, 3}});
        Tensor b = m(new double[][] {{1}, {2}});
        close(m(new double[][] {{1.0 / 7}, {5.0 / 7}}), Linalg.solve(a, b), TOL);
        // L = w·x with w = [1, 2]: b̄ = A⁻ᵀ w = [5, 3]/7 and Ā = −b̄ xᵀ = −[[5, 25], [3, 15]]/49
        Tensor w = m(new double[][] {{1}, {2}});
        Tensor[] g = AD.grad((Tensor aa, Tensor bb) -> Linalg.solve(aa, bb).mul(w).sum()).apply(a, b);
        close(m(new double[][] {{-5.0 / 49, -25.0 / 49}, {-3.0 / 49, -15.0 / 49}}), g[0], TOL);
        close(m(new double[][] {{5.0 / 7}, {3.0 / 7}}), g[1], TOL);
        // forward mode agrees: d/dε solve(A + εE, b) = −A⁻¹ E x
        Tensor e = m(new double[][] {{0, 1}, {0, 0}});
        Tensor x = Linalg.solve(a, b);
        close(Linalg.solve(a, e.matmul(x)).neg(), AD.jvp(aa -> Linalg.solve(aa, b), a, e).tangent(), TOL);
    }

    @Test
    void solveTakesAVectorRightHandSide() {
        Tensor a = m(new double[][] {{2, 1}, {-1, 3}});
        close(Tensor.of(1.0 / 7, 5.0 / 7), Linalg.solve(a, Tensor.of(1, 2)), TOL);
        Tensor g = AD.grad((Tensor bb) -> Linalg.solve(a, bb).sum()).apply(Tensor.of(1, 2));
        close(Tensor.of(4.0 / 7, 1.0 / 7), g, TOL); // A⁻ᵀ·1, A⁻ᵀ = [[3, 1], [−1, 2]]/7
    }

    @Test
    void invTimesAIsTheIdentityAndItsDerivativeIsMinusXdAX() {
        // 5×5: factors kept on the heap; 150×150: kept off-heap
        for (int n : new int[] {5, 150}) {
            Tensor a = wellConditioned(new SplittableRandom(3), n);
            Tensor x = Linalg.inv(a);
            close(Tensor.from(NDArray.eye(n)), x.matmul(a), 1e-13);
            Tensor e = wellConditioned(new SplittableRandom(4), n);
            close(x.matmul(e).matmul(x).neg(), AD.jvp(Linalg::inv, a, e).tangent(), 1e-13);
            Tensor b = Tensor.from(NDArray.uniform(new SplittableRandom(5), -1, 1, n, 3));
            close(x.matmul(b), Linalg.solve(a, b), 1e-13);
            close(Linalg.matrixTranspose(x).matmul(b), AD.vjp(y -> Linalg.solve(a, y), b).pullback(b), 1e-13);
        }
    }

    // ------------------------------------------------------------------ determinants

    @Test
    void gradientOfLogAbsDetIsTheInverseTransposed() {
        for (int n : new int[] {1, 2, 4, 7, 140}) {
            Tensor a = wellConditioned(new SplittableRandom(n), n);
            Tensor g = AD.grad(Linalg::logAbsDet).apply(a);
            close(Tensor.from(NDArray.eye(n)), g.transpose().matmul(a), 1e-12); // A⁻ᵀ, so gᵀ A = I
            // and of det: det(A) · A⁻ᵀ
            close(g.mul(Linalg.det(a)), AD.grad(Linalg::det).apply(a), 1e-12 * Math.abs(Linalg.det(a).item()));
        }
    }

    @Test
    void determinantValuesAndSigns() {
        Tensor a = m(new double[][] {{0, 1}, {1, 0}}); // a row swap: det −1
        assertEquals(-1.0, Linalg.det(a).item(), TOL);
        assertEquals(0.0, Linalg.logAbsDet(a).item(), TOL);
        assertEquals(-1.0, Linalg.signDet(a).item());
        Tensor s = m(new double[][] {{1, 2}, {2, 4}});
        assertTrue(Linalg.det(s).item() == 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, Linalg.logAbsDet(s).item());
        assertTrue(Linalg.signDet(s).item() == 0.0);
        // 400·I·(−1 in one row): det = −400^200 overflows; log|det| and the sign do not
        double[] d = new double[200 * 200];
        for (int i = 0; i < 200; i++) d[i * 200 + i] = i == 7 ? -400 : 400;
        Tensor big = Tensor.of(new int[] {200, 200}, d);
        assertEquals(Double.NEGATIVE_INFINITY, Linalg.det(big).item());
        assertEquals(200 * Math.log(400), Linalg.logAbsDet(big).item(), 1e-10);
        assertEquals(-1.0, Linalg.signDet(big).item());
        // det = sign · exp(log|det|), and the sign has a zero derivative
        Tensor c = wellConditioned(new SplittableRandom(8), 4);
        assertEquals(Linalg.det(c).item(), Linalg.signDet(c).mul(Linalg.logAbsDet(c).exp()).item(), 1e-10);
        assertEquals(0.0, AD.grad(Linalg::signDet).apply(c).abs().sum().item());
    }

    @Test
    void gradientOfDetAtASingularMatrixIsTheAdjugateTransposed() {
        // rank 1: adj([[a, b], [c, d]]) = [[d, −b], [−c, a]], so ∂det/∂A = [[d, −c], [−b, a]]
        Tensor a = m(new double[][] {{1, 2}, {3, 6}});
        close(m(new double[][] {{6, -3}, {-2, 1}}), AD.grad(Linalg::det).apply(a), TOL);
        close(m(new double[][] {{6, -2}, {-3, 1}}), Linalg.adjugate(a), TOL);
        // 3×3 of rank 2 and rank 1: the cofactors by hand
        for (double[][] rows : new double[][][] {
            {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}, {{1, 2, 3}, {2, 4, 6}, {-1, -2, -3}},
            {{0, 0, 0}, {0, 1, 2}, {3, 4, 5}}}) {
            Tensor s = m(rows);
            assertEquals(0.0, Linalg.det(s).item(), 1e-12);
            close(cofactors(rows), AD.grad(Linalg::det).apply(s), 1e-12);
            close(cofactors(rows).transpose(), Linalg.adjugate(s), 1e-12);
        }
    }

    @Test
    void adjugateOfAStackMixingSingularAndRegularMatrices() {
        double[][] singular = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
        double[][] nearly = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9 + 1e-9}}; // cond ~ 1e10: taken from the SVD
        Tensor regular = wellConditioned(new SplittableRandom(21), 3);
        Tensor stack = Tensor.from(NDArray.stack(0, m(singular).value(), regular.value(), m(nearly).value()));
        Tensor adj = Linalg.adjugate(stack);
        close(cofactors(singular).transpose(), Ops.slice(adj, 0, 0, 1).reshape(3, 3), 1e-12);
        close(Linalg.inv(regular).mul(Linalg.det(regular)), Ops.slice(adj, 0, 1, 2).reshape(3, 3), 1e-12);
        close(cofactors(nearly).transpose(), Ops.slice(adj, 0, 2, 3).reshape(3, 3), 1e-12);
    }

    /** The cofactor matrix of a 3×3 matrix, C_ij = (−1)^{i+j} M_ij: ∂det/∂A_ij. */
    static Tensor cofactors(double[][] a) {
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int r0 = (i + 1) % 3;
                int r1 = (i + 2) % 3;
                int c0 = (j + 1) % 3;
                int c1 = (j + 2) % 3;
                c[i][j] = a[r0][c0] * a[r1][c1] - a[r0][c1] * a[r1][c0]; // cyclic order carries the sign
            }
        }
        return Tensor.of(c);
    }

    @Test
    void secondDerivativesOfDetAreExactAtASingularMatrix() {
        // det [[a, b], [c, d]] = ad − bc: the Hessian is constant, singular point or not
        Tensor h = AD.hessian(Linalg::det).apply(m(new double[][] {{1, 2}, {3, 6}}));
        double[] want = new double[16];
        want[0 * 4 + 3] = want[3 * 4 + 0] = 1;
        want[1 * 4 + 2] = want[2 * 4 + 1] = -1;
        assertArrayEquals(want, h.toArray(), 1e-12);
        // 3×3 of rank 2 and rank 1: the Hessian is the derivative of the cofactors, quadratic in A, so central
        // differences of the hand-written cofactors are exact up to rounding
        for (double[][] rows : new double[][][] {
                {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}, {{1, 2, 3}, {2, 4, 6}, {1, 2, 3}}}) {
            Tensor got = AD.hessian(Linalg::det).apply(m(rows));
            double[] fd = new double[81];
            for (int p = 0; p < 9; p++) {
                double[][] up = copy(rows);
                double[][] dn = copy(rows);
                up[p / 3][p % 3] += 0.5;
                dn[p / 3][p % 3] -= 0.5;
                double[] cu = cofactors(up).toArray();
                double[] cd = cofactors(dn).toArray();
                for (int q = 0; q < 9; q++) fd[q * 9 + p] = cu[q] - cd[q];
            }
            assertArrayEquals(fd, got.toArray(), 1e-12);
        }
    }

    @Test
    void thirdDerivativesOfDetAtASingularMatrixAreNotFiniteRatherThanWrong() {
        // documented: the adjugate's second derivative divides by det A, here exactly 0 (an exact zero pivot)
        Tensor s = m(new double[][] {{1, 2, 3}, {2, 4, 6}, {1, 1, 1}});
        assertTrue(Linalg.det(s).item() == 0.0);
        Tensor v = m(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        Tensor third = AD.jvp(x -> AD.hvp(Linalg::det, x, v), s, v).tangent();
        assertTrue(!Double.isFinite(third.sum().item()), "third derivative at a singular matrix: " + third);
        // away from singular matrices it is d³/dε³ det(A + εI) = 6 for 3×3 (det(A + εI) has leading term ε³)
        Tensor a = wellConditioned(new SplittableRandom(9), 3);
        Tensor third2 = AD.jvp(x -> AD.hvp(Linalg::det, x, v), a, v).tangent();
        assertEquals(6.0, third2.mul(v).sum().item(), 1e-9);
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    @Test
    void hessianOfLogAbsDetIsMinusAInverseTransposedProducts() {
        // d² log|det A|[V, W] = −tr(A⁻¹ V A⁻¹ W): the HVP is −(A⁻¹ V A⁻¹)ᵀ, by forward-over-reverse and by
        // reverse-over-reverse
        Tensor a = wellConditioned(new SplittableRandom(5), 4);
        Tensor v = wellConditioned(new SplittableRandom(6), 4);
        Tensor ai = Linalg.inv(a);
        Tensor want = ai.matmul(v).matmul(ai).transpose().neg();
        close(want, AD.hvp(Linalg::logAbsDet, a, v), 1e-13);
        Tensor rr = AD.grad((Tensor x) -> AD.grad(Linalg::logAbsDet).apply(x).mul(v).sum()).apply(a);
        close(want, rr, 1e-13);
    }

    // ------------------------------------------------------------------ Cholesky and triangular solves

    @Test
    void choleskyOfKnownMatricesReadingTheLowerTriangleOnly() {
        close(m(new double[][] {{2, 0}, {1, Math.sqrt(2)}}), Linalg.cholesky(m(new double[][] {{4, 2}, {2, 3}})), TOL);
        Tensor l = m(new double[][] {{5, 0, 0}, {3, 3, 0}, {-1, 1, 3}});
        close(l, Linalg.cholesky(m(new double[][] {{25, 15, -5}, {15, 18, 0}, {-5, 0, 11}})), TOL);
        // anything above the diagonal is ignored, and its cotangent is exactly zero
        Tensor garbage = m(new double[][] {{25, -7, 100}, {15, 18, 1e6}, {-5, 0, 11}});
        close(l, Linalg.cholesky(garbage), TOL);
        Tensor w = wellConditioned(new SplittableRandom(1), 3);
        Tensor g = AD.grad((Tensor x) -> Linalg.cholesky(x).mul(w).sum()).apply(garbage);
        double[] gd = g.toArray();
        for (int i = 0; i < 3; i++) for (int j = i + 1; j < 3; j++) assertTrue(gd[i * 3 + j] == 0.0, "upper " + i + j);
        // forward mode: L10 = A10 / L00
        Tensor e10 = m(new double[][] {{0, 0, 0}, {1, 0, 0}, {0, 0, 0}});
        Tensor jf = AD.jvp((Tensor x) -> Linalg.cholesky(x), garbage, e10)
                .tangent();
        assertEquals(1.0 / 5, jf.toArray()[3], TOL); // ∂L10/∂A10 = 1/L00
    }

    @Test
    void choleskyReconstructsAndSolvesInBatches() {
        SplittableRandom r = new SplittableRandom(2);
        Tensor b = Tensor.from(NDArray.uniform(r, -1, 1, 4, 6, 6));
        Tensor spd = b.matmul(Linalg.matrixTranspose(b)).add(Tensor.from(NDArray.eye(6)).mul(6));
        Tensor l = Linalg.cholesky(spd);
        close(spd, l.matmul(Linalg.matrixTranspose(l)), 1e-12);
        Tensor rhs = Tensor.from(NDArray.uniform(r, -1, 1, 6, 2));
        close(Linalg.solve(spd, rhs), Linalg.choleskySolve(l, rhs), 1e-12);
    }

    @Test
    void triangularSolveReadsOnlyItsTriangle() {
        Tensor a = m(new double[][] {{2, 9, 9}, {1, 4, 9}, {-1, 3, 5}});
        Tensor other = m(new double[][] {{2, -3, 0.5}, {1, 4, 7}, {-1, 3, 5}});
        Tensor b = m(new double[][] {{2, 1}, {5, 0}, {3, 2}});
        for (boolean lower : new boolean[] {true, false}) {
            Tensor t = lower ? a : Linalg.matrixTranspose(a);
            Tensor t2 = lower ? other : Linalg.matrixTranspose(other);
            Tensor x = Linalg.triangularSolve(t, b, lower);
            assertArrayEquals(x.toArray(), Linalg.triangularSolve(t2, b, lower).toArray(), "lower=" + lower);
            // T x = b with the triangle alone
            Tensor tri = Tensor.of(new double[][] {{2, 0, 0}, {1, 4, 0}, {-1, 3, 5}});
            close(b, (lower ? tri : Linalg.matrixTranspose(tri)).matmul(x), 1e-14);
            double[] g = AD.grad((Tensor y) -> Linalg.triangularSolve(y, b, lower).square().sum()).apply(t).toArray();
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    if (lower ? j > i : j < i) assertTrue(g[i * 3 + j] == 0.0, "lower=" + lower + " entry " + i + j);
                    else assertTrue(g[i * 3 + j] != 0.0, "lower=" + lower + " entry " + i + j);
                }
            }
        }
    }

    // ------------------------------------------------------------------ batches, vmap, helpers

    @Test
    void batchAxesBroadcastLikeMatmul() {
        SplittableRandom r = new SplittableRandom(11);
        Tensor a = Tensor.from(NDArray.stack(0, wellConditioned(r, 3).value(), wellConditioned(r, 3).value()));
        Tensor b = Tensor.from(NDArray.uniform(r, -1, 1, 4, 1, 3, 2)); // batch [4, 1] with a's [2]: [4, 2]
        Tensor x = Linalg.solve(a, b);
        assertArrayEquals(new int[] {4, 2, 3, 2}, x.shape());
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                Tensor ai = Ops.slice(a, 0, j, j + 1).reshape(3, 3);
                Tensor bi = Ops.slice(b, 0, i, i + 1).reshape(3, 2);
                Tensor xi = Ops.slice(Ops.slice(x, 0, i, i + 1), 1, j, j + 1).reshape(3, 2);
                close(Linalg.solve(ai, bi), xi, 1e-14);
            }
        }
        // one matrix, many right-hand sides; and the gradient sums over the broadcast axes
        Tensor a0 = wellConditioned(r, 3);
        Tensor g = AD.grad((Tensor y) -> Linalg.solve(y, b).sum()).apply(a0);
        Tensor gLoop = Tensor.zeros(3, 3);
        for (int i = 0; i < 4; i++) {
            Tensor bi = Ops.slice(b, 0, i, i + 1).reshape(3, 2);
            gLoop = gLoop.add(AD.grad((Tensor y) -> Linalg.solve(y, bi).sum()).apply(a0));
        }
        close(gLoop, g, 1e-13);
        // det, logAbsDet, inv, cholesky on a stack
        Tensor dets = Linalg.det(a);
        assertArrayEquals(new int[] {2}, dets.shape());
        assertEquals(Linalg.det(Ops.slice(a, 0, 1, 2).reshape(3, 3)).item(), dets.toArray()[1], 1e-13);
    }

    @Test
    void underVmap() {
        SplittableRandom r = new SplittableRandom(12);
        NDArray[] ms = new NDArray[5];
        for (int i = 0; i < 5; i++) ms[i] = wellConditioned(r, 3).value();
        Tensor stack = Tensor.from(NDArray.stack(0, ms));
        Tensor rhs = Tensor.from(NDArray.uniform(r, -1, 1, 3, 2));
        Function<Tensor, Tensor> f = x -> Linalg.logAbsDet(x).add(Linalg.solve(x, rhs).sum())
                .add(Linalg.cholesky(x.matmul(Linalg.matrixTranspose(x))).sum());
        Tensor got = AD.vmap(f).apply(stack);
        Tensor grads = AD.vmap(AD.grad(f)).apply(stack);
        for (int i = 0; i < 5; i++) {
            Tensor xi = Tensor.from(ms[i]);
            assertEquals(f.apply(xi).item(), got.toArray()[i], 1e-12);
            close(AD.grad(f).apply(xi), Ops.slice(grads, 0, i, i + 1).reshape(3, 3), 1e-12);
        }
        // a shared matrix and batched right-hand sides
        Tensor a = Tensor.from(ms[0]);
        Tensor bs = Tensor.from(NDArray.uniform(r, -1, 1, 7, 3));
        Tensor xs = AD.vmap(b -> Linalg.solve(a, b)).apply(bs);
        close(Linalg.matrixTranspose(Linalg.solve(a, Linalg.matrixTranspose(bs))), xs, 1e-14);
    }

    @Test
    void gradOfGradThroughSolve() {
        // f(A) = bᵀ A⁻¹ b for symmetric use: second derivative against finite differences of the gradient
        Tensor a = wellConditioned(new SplittableRandom(13), 3);
        Tensor b = Tensor.of(1, -2, 0.5);
        Function<Tensor, Tensor> f = x -> Ops.dot(b, Linalg.solve(x, b));
        Tensor v = wellConditioned(new SplittableRandom(14), 3);
        Tensor hv = AD.hvp(f, a, v);
        double h = 1e-5;
        Tensor fd = AD.grad(f).apply(a.add(v.mul(h))).sub(AD.grad(f).apply(a.sub(v.mul(h)))).div(2 * h);
        close(fd, hv, 1e-8);
        // closed form: ∂f/∂A = −A⁻ᵀ b bᵀ A⁻ᵀ
        Tensor y = Linalg.solve(Linalg.matrixTranspose(a), b);
        close(Ops.outer(y, Linalg.solve(a, b)).neg(), AD.grad(f).apply(a), 1e-13);
    }

    @Test
    void diagonalAndTrace() {
        Tensor a = Tensor.of(new int[] {2, 2, 3}, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        close(Tensor.of(new int[] {2, 2}, 1, 5, 7, 11), Linalg.diagonal(a), 0);
        close(Tensor.of(6, 18), Linalg.trace(a), 0);
        close(Tensor.of(new int[] {2, 2, 3}, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0),
                AD.grad((Tensor x) -> Linalg.trace(x).sum()).apply(a), 0);
        // tr(A⁻¹ Ȧ) is the derivative of log|det|
        Tensor s = wellConditioned(new SplittableRandom(15), 4);
        Tensor e = wellConditioned(new SplittableRandom(16), 4);
        assertEquals(Linalg.trace(Linalg.solve(s, e)).item(), AD.jvp(Linalg::logAbsDet, s, e).tangent().item(), 1e-13);
    }

    @Test
    void theStagedGradientShowsTheTransposedSolveAndRunsToTheEagerValue() {
        Tensor a = wellConditioned(new SplittableRandom(17), 3);
        Tensor b = Tensor.of(1, 2, 3);
        Function<Tensor, Tensor> f = x -> Linalg.solve(x, b).square().sum().add(Linalg.logAbsDet(x));
        Graph g = AD.stage(in -> new Tensor[] {AD.grad(f).apply(in[0])}, a);
        String listing = Listing.render(g);
        assertTrue(listing.contains("solve[transpose=true]"), listing);
        assertTrue(listing.contains("inv("), listing);
        close(AD.grad(f).apply(a), Evaluator.run(g, a)[0], 1e-14);
    }
}
