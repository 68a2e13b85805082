package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.check.GradCheck;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The spectral decompositions against closed forms: reconstruction and orthogonality, the sign conventions,
 * dλᵢ = vᵢᵀ dA vᵢ and its second derivative, ∇‖A‖_* = U Vᵀ, finite gradients of eigenvalue functions at repeated
 * eigenvalues and anomaly mode naming the op where vectors are used there, batches, vmap, second derivatives,
 * tall and wide matrices, pinv, lstsq and matrix norms. Functions checked against finite differences are
 * sign-invariant (U diag(g(s)) Vᵀ, V diag(g(w)) Vᵀ, v ⊙ v).
 */
class SpectralTest {
    private static final double TOL = 1e-12;

    // ------------------------------------------------------------------ eigh

    @Test
    void eighReconstructsWithOrthonormalVectorsAscendingValuesAndTheSignConvention() {
        NDArray a = symmetric(new SplittableRandom(1), 5);
        Tensor[] wv = Linalg.eigh(Tensor.from(a));
        NDArray w = wv[0].value();
        NDArray v = wv[1].value();
        assertClose(a, v.matmul(diag(w)).matmul(v.transpose()), 1e-12);
        assertClose(NDArray.eye(5), v.transpose().matmul(v), 1e-13);
        for (int i = 1; i < 5; i++) assertTrue(w.get(i - 1) < w.get(i), "ascending: " + w);
        for (int j = 0; j < 5; j++) assertTrue(largestMagnitudeEntryOfColumn(v, j) > 0, "sign convention: " + v);
    }

    @Test
    void eighReadsOnlyTheLowerTriangle() {
        NDArray a = symmetric(new SplittableRandom(2), 4);
        double[] junk = a.toArray();
        for (int i = 0; i < 4; i++) for (int j = i + 1; j < 4; j++) junk[i * 4 + j] = 100 + i - j;
        Tensor withJunk = Tensor.of(new int[] {4, 4}, junk);
        assertArrayEquals(Linalg.eigh(Tensor.from(a))[1].toArray(), Linalg.eigh(withJunk)[1].toArray(), 0);
        NDArray g = AD.grad(x -> Linalg.eigh(x)[1].abs().sum()).apply(withJunk).value();
        for (int i = 0; i < 4; i++) for (int j = i + 1; j < 4; j++) assertEquals(0.0, g.get(i, j), 0, "upper " + i + j);
    }

    @Test
    void eigenvalueDerivativeIsVtEV() {
        NDArray a = symmetric(new SplittableRandom(3), 4);
        NDArray e = symmetric(new SplittableRandom(4), 4);
        NDArray v = Linalg.eigh(Tensor.from(a))[1].value();
        NDArray dw = AD.jvp(Spectral::eigvalsh, Tensor.from(a), Tensor.from(e)).tangent().value();
        NDArray expected = v.transpose().matmul(e).matmul(v);
        for (int i = 0; i < 4; i++) assertEquals(expected.get(i, i), dw.get(i), 1e-12);
        // reverse mode: ∂w_i/∂a is v_i v_iᵀ, given for the lower triangle: 2 v_i v_j below the diagonal, v_i² on it
        for (int k = 0; k < 4; k++) {
            int idx = k;
            Function<Tensor, Tensor> wk = x -> Ops.take(Linalg.eigvalsh(x), new int[] {idx}, 0).sum();
            NDArray g = AD.grad(wk).apply(Tensor.from(a)).value();
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    double want = j > i ? 0 : (i == j ? 1 : 2) * v.get(i, k) * v.get(j, k);
                    assertEquals(want, g.get(i, j), 1e-12);
                }
            }
        }
    }

    @Test
    void secondDerivativeOfAnEigenvalueInBothNestings() {
        // d²λ_i along E = 2 Σ_{j≠i} (v_jᵀ E v_i)² / (λ_i − λ_j); E is seen through its lower triangle
        NDArray a = symmetric(new SplittableRandom(5), 4);
        NDArray e = symmetric(new SplittableRandom(6), 4);
        Tensor[] wv = Linalg.eigh(Tensor.from(a));
        NDArray w = wv[0].value();
        NDArray p = wv[1].value().transpose().matmul(e).matmul(wv[1].value());
        Tensor lowerE = Tensor.from(e.mul(lowerOnes(4)));
        for (int i = 0; i < 4; i++) {
            double want = 0;
            for (int j = 0; j < 4; j++) if (j != i) want += 2 * p.get(j, i) * p.get(j, i) / (w.get(i) - w.get(j));
            int idx = i;
            Function<Tensor, Tensor> g = x -> Ops.take(Linalg.eigvalsh(x), new int[] {idx}, 0).sum();
            double forwardOverReverse = AD.hvp(g, Tensor.from(a), lowerE).mul(lowerE).sum().item();
            Function<Tensor, Tensor> dir = x -> AD.grad(g).apply(x).mul(lowerE).sum();
            double reverseOverReverse = AD.grad(dir).apply(Tensor.from(a)).mul(lowerE).sum().item();
            double forwardOverForward = AD.jvp(x -> AD.jvp(g, x, lowerE).tangent(), Tensor.from(a), lowerE)
                    .tangent().item();
            assertEquals(want, forwardOverReverse, 1e-10);
            assertEquals(want, reverseOverReverse, 1e-10);
            assertEquals(want, forwardOverForward, 1e-10);
        }
    }

    @Test
    void eigenvalueFunctionsHaveFiniteGradientsAtRepeatedEigenvalues() {
        // at the identity: ∇ Σ exp(w) = V diag(e^w) Vᵀ = e·I
        NDArray g = AD.grad(x -> Linalg.eigvalsh(x).exp().sum()).apply(Tensor.from(NDArray.eye(3))).value();
        assertClose(NDArray.eye(3).mul(NDArray.scalar(Math.E)), g, 1e-14);
        // eigenvalues (1, 1, 4): ∇ Σ w³ = 3A², given for the lower triangle
        NDArray q = orthogonal(new SplittableRandom(7), 3);
        NDArray a = q.matmul(diag(NDArray.of(1, 1, 4))).matmul(q.transpose());
        NDArray got = AD.grad(x -> Linalg.eigvalsh(x).pow(3).sum()).apply(Tensor.from(a)).value();
        NDArray full = a.matmul(a).mul(NDArray.scalar(3));
        assertClose(lowerCotangent(full), got, 1e-12);
        // likewise the nuclear norm at repeated singular values (2·Q, Q orthogonal): its gradient U Vᵀ = Q
        NDArray nuc = AD.grad(x -> Linalg.matrixNorm(x, "nuc")).apply(Tensor.from(q.mul(NDArray.scalar(2)))).value();
        assertClose(q, nuc, 1e-13);
    }

    @Test
    void vectorsAtRepeatedValuesAreNeverSilentlyFiniteAndAnomalyModeNamesTheOp() {
        Tensor eye = Tensor.from(NDArray.eye(3));
        Tensor c = Tensor.of(new double[][] {{1, 2, 3}, {0, 1, 0}, {2, 0, 1}});
        Function<Tensor, Tensor> usesVectors = x -> Linalg.eigh(x)[1].mul(c).sum();
        NDArray g = AD.grad(usesVectors).apply(eye).value();
        assertTrue(hasNonFinite(g), "the eigenvector rule divides by w_j − w_i = 0: " + g);
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> AD.detectAnomaly(() -> AD.grad(usesVectors).apply(eye)));
        assertEquals("eigh", e.op(), e.getMessage());
        NonFiniteException s = assertThrows(NonFiniteException.class,
                () -> AD.detectAnomaly(() -> AD.grad(x -> Linalg.svd(x)[0].mul(c).sum()).apply(eye)));
        assertEquals("svd", s.op(), s.getMessage());
    }

    // ------------------------------------------------------------------ svd

    @Test
    void svdReconstructsTallSquareAndWide() {
        for (int[] mn : new int[][] {{5, 3}, {4, 4}, {3, 5}}) {
            int m = mn[0];
            int n = mn[1];
            int k = Math.min(m, n);
            NDArray a = NDArray.uniform(new SplittableRandom(m * 10 + n), -1, 1, m, n);
            Tensor[] usv = Linalg.svd(Tensor.from(a));
            NDArray u = usv[0].value();
            NDArray s = usv[1].value();
            NDArray vt = usv[2].value();
            assertArrayEquals(new int[] {m, k}, u.shape());
            assertArrayEquals(new int[] {k}, s.shape());
            assertArrayEquals(new int[] {k, n}, vt.shape());
            assertClose(a, u.matmul(diag(s)).matmul(vt), 1e-13);
            assertClose(NDArray.eye(k), u.transpose().matmul(u), 1e-13);
            assertClose(NDArray.eye(k), vt.matmul(vt.transpose()), 1e-13);
            for (int i = 1; i < k; i++) assertTrue(s.get(i - 1) >= s.get(i) && s.get(i) >= 0, "descending: " + s);
            for (int j = 0; j < k; j++) assertTrue(largestMagnitudeEntryOfColumn(u, j) > 0, "sign convention: " + u);
        }
    }

    @Test
    void nuclearNormGradientIsUVtAndSpectralNormGradientIsU1V1t() {
        for (int[] mn : new int[][] {{5, 3}, {4, 4}, {3, 5}}) {
            Tensor a = Tensor.from(NDArray.uniform(new SplittableRandom(mn[0] + 7L * mn[1]), -1, 1, mn));
            Tensor[] usv = Linalg.svd(a);
            NDArray uvt = usv[0].value().matmul(usv[2].value());
            assertClose(uvt, AD.grad(x -> Linalg.matrixNorm(x, "nuc")).apply(a).value(), 1e-13);
            NDArray u1 = usv[0].value().slice(1, 0, 1);
            NDArray v1t = usv[2].value().slice(0, 0, 1);
            assertClose(u1.matmul(v1t), AD.grad(x -> Linalg.matrixNorm(x, "2")).apply(a).value(), 1e-13);
        }
    }

    @Test
    void signInvariantFunctionsPassEveryGradientCheckOnTallSquareAndWide() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int[] mn : new int[][] {{5, 3}, {3, 3}, {2, 4}}) {
            int k = Math.min(mn[0], mn[1]);
            Tensor c = Tensor.from(NDArray.uniform(rng, -1, 1, mn));
            Tensor d = Tensor.from(NDArray.uniform(rng, -1, 1, mn[0], k));
            Function<Tensor, Tensor> svdF = x -> {
                Tensor[] usv = Linalg.svd(x);
                Tensor usvt = usv[0].mul(Ops.unsqueeze(usv[1].sin(), 0)).matmul(usv[2]);
                return usvt.mul(c).sum().add(usv[0].square().mul(d).sum());
            };
            GradCheck.assertAll(svdF, Tensor.from(separatedSpectrum(rng, mn[0], mn[1])), rng);
            Function<Tensor, Tensor> qrF = x -> {
                Tensor[] qr = Linalg.qr(x);
                return qr[0].mul(d).sum().add(qr[1].square().mul(Ops.slice(c, 0, 0, k)).sum());
            };
            GradCheck.assertAll(qrF, Tensor.from(NDArray.uniform(rng, -1, 1, mn).add(leadingEye(mn, 3))), rng);
        }
        Tensor c = Tensor.from(NDArray.uniform(rng, -1, 1, 4, 4));
        Function<Tensor, Tensor> eighF = x -> {
            Tensor[] wv = Linalg.eigh(x);
            Tensor vfv = wv[1].mul(Ops.unsqueeze(wv[0].tanh(), 0)).matmul(wv[1].transpose());
            return vfv.mul(c).sum().add(wv[1].square().mul(c.transpose()).sum());
        };
        GradCheck.assertAll(eighF, Tensor.from(symmetric(rng, 4)), rng);
    }

    // ------------------------------------------------------------------ qr

    @Test
    void qrReconstructsTallSquareAndWideWithAnUpperTriangularNonNegativeDiagonalR() {
        for (int[] mn : new int[][] {{5, 3}, {4, 4}, {3, 5}}) {
            int k = Math.min(mn[0], mn[1]);
            NDArray a = NDArray.uniform(new SplittableRandom(mn[0] * 3L + mn[1]), -1, 1, mn);
            Tensor[] qr = Linalg.qr(Tensor.from(a));
            NDArray q = qr[0].value();
            NDArray r = qr[1].value();
            assertArrayEquals(new int[] {mn[0], k}, q.shape());
            assertArrayEquals(new int[] {k, mn[1]}, r.shape());
            assertClose(a, q.matmul(r), 1e-14);
            assertClose(NDArray.eye(k), q.transpose().matmul(q), 1e-14);
            for (int i = 0; i < k; i++) {
                assertTrue(r.get(i, i) >= 0, "diagonal of R: " + r);
                for (int j = 0; j < i; j++) assertEquals(0.0, r.get(i, j), 0, "below the diagonal of R");
            }
        }
    }

    @Test
    void qrDerivativeOfARankDeficientMatrixIsAnErrorNamingTheOp() {
        Tensor a = Tensor.of(new double[][] {{1, 0}, {0, 0}, {0, 0}});
        assertEquals(0.0, Linalg.qr(a)[1].value().get(1, 1), 0);
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> AD.grad(x -> Linalg.qr(x)[0].sum()).apply(a));
        assertTrue(e.getMessage().contains("qr_triangular_solve") && e.getMessage().contains("full rank")
                && e.getMessage().contains("[2,2]"), e.getMessage());
    }

    // ------------------------------------------------------------------ batches, vmap, nesting

    @Test
    void batchesMatchEachMatrixAloneInValueAndGradient() {
        SplittableRandom rng = new SplittableRandom(13);
        NDArray[] mats = new NDArray[6];
        for (int i = 0; i < 6; i++) mats[i] = symmetric(rng, 3);
        NDArray batch = NDArray.stack(0, mats).reshape(2, 3, 3, 3);
        Function<Tensor, Tensor> f = x -> {
            Tensor[] wv = Linalg.eigh(x);
            Tensor[] usv = Linalg.svd(x);
            Tensor[] qr = Linalg.qr(x);
            return wv[0].sum().add(wv[1].abs().sum()).add(usv[1].square().sum()).add(qr[1].sum());
        };
        Tensor w = Linalg.eigvalsh(Tensor.from(batch));
        NDArray g = AD.grad(f).apply(Tensor.from(batch)).value().reshape(6, 3, 3);
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(Linalg.eigvalsh(Tensor.from(mats[i])).toArray(),
                    w.value().reshape(6, 3).slice(0, i, i + 1).reshape(3).toArray(), 0);
            assertClose(AD.grad(f).apply(Tensor.from(mats[i])).value(), g.slice(0, i, i + 1).reshape(3, 3), 1e-13);
        }
    }

    @Test
    void vmapOfTheDecompositionsAndOfTheirGradientsIsALoop() {
        SplittableRandom rng = new SplittableRandom(17);
        NDArray[] mats = new NDArray[4];
        for (int i = 0; i < 4; i++) mats[i] = separatedSpectrum(rng, 4, 3);
        Tensor xs = Tensor.from(NDArray.stack(0, mats));
        Function<Tensor, Tensor> f = x -> {
            Tensor[] usv = Linalg.svd(x);
            Tensor[] qr = Linalg.qr(x);
            Tensor[] wv = Linalg.eigh(x.transpose().matmul(x));
            return usv[0].matmul(usv[2]).sum().add(qr[0].sum()).add(wv[0].exp().sum());
        };
        Tensor values = AD.vmap(f).apply(xs);
        Tensor grads = AD.vmap(AD.grad(f)).apply(xs);
        for (int i = 0; i < 4; i++) {
            assertEquals(f.apply(Tensor.from(mats[i])).item(), values.value().get(i), 1e-13);
            assertClose(AD.grad(f).apply(Tensor.from(mats[i])).value(), grads.value().slice(0, i, i + 1).reshape(4, 3),
                    1e-13);
        }
    }

    @Test
    void gradOfGradOfANuclearNormAgreesWithFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(19);
        Tensor a = Tensor.from(separatedSpectrum(rng, 3, 4));
        Tensor v = GradCheck.random(rng, 3, 4);
        Function<Tensor, Tensor> g = x -> Linalg.matrixNorm(x, "nuc");
        assertTrue(GradCheck.hvp(g, a, v, dev.cotangent.check.Tolerance.FINITE_DIFFERENCES).passed());
        assertTrue(GradCheck.hvpModes(g, a, v, new dev.cotangent.check.Tolerance(1e-9, 1e-11)).passed());
    }

    // ------------------------------------------------------------------ built on the decompositions

    @Test
    void pinvSatisfiesThePenroseConditionsAndIsDifferentiableAtRepeatedSingularValues() {
        SplittableRandom rng = new SplittableRandom(23);
        for (int[] mn : new int[][] {{5, 3}, {3, 3}, {2, 4}}) {
            NDArray a = NDArray.uniform(rng, -1, 1, mn).add(leadingEye(mn, 2));
            NDArray p = Linalg.pinv(Tensor.from(a)).value();
            assertArrayEquals(new int[] {mn[1], mn[0]}, p.shape());
            assertClose(a, a.matmul(p).matmul(a), 1e-13);
            assertClose(p, p.matmul(a).matmul(p), 1e-13);
            assertClose(a.matmul(p), a.matmul(p).transpose(), 1e-13);
            assertClose(p.matmul(a), p.matmul(a).transpose(), 1e-13);
            Tensor c = Tensor.from(NDArray.uniform(rng, -1, 1, mn[1], mn[0]));
            GradCheck.assertAll(x -> Linalg.pinv(x).mul(c).sum(), Tensor.from(a), rng);
        }
        NDArray q = orthogonal(rng, 3);
        assertClose(q.transpose(), Linalg.pinv(Tensor.from(q)).value(), 1e-14);
        assertTrue(!hasNonFinite(AD.grad(x -> Linalg.pinv(x).sum()).apply(Tensor.from(q)).value()));
    }

    @Test
    void lstsqSolvesTheNormalEquationsOrGivesTheLeastNormSolution() {
        SplittableRandom rng = new SplittableRandom(29);
        NDArray tall = NDArray.uniform(rng, -1, 1, 6, 3).add(leadingEye(new int[] {6, 3}, 2));
        NDArray b = NDArray.uniform(rng, -1, 1, 6, 2);
        NDArray x = Linalg.lstsq(Tensor.from(tall), Tensor.from(b)).value();
        assertClose(NDArray.zeros(3, 2), tall.transpose().matmul(tall.matmul(x).sub(b)), 1e-13);
        NDArray wide = tall.transpose();
        NDArray bw = NDArray.uniform(rng, -1, 1, 3, 2);
        NDArray xw = Linalg.lstsq(Tensor.from(wide), Tensor.from(bw)).value();
        assertClose(bw, wide.matmul(xw), 1e-13);
        assertClose(Linalg.pinv(Tensor.from(wide)).value().matmul(bw), xw, 1e-13);
        // batch axes broadcast: one matrix against a batch of right-hand sides
        NDArray bs = NDArray.uniform(rng, -1, 1, 2, 6, 2);
        NDArray xs = Linalg.lstsq(Tensor.from(tall), Tensor.from(bs)).value();
        assertClose(Linalg.lstsq(Tensor.from(tall), Tensor.from(bs.slice(0, 1, 2).reshape(6, 2))).value(),
                xs.slice(0, 1, 2).reshape(3, 2), 1e-14);
        GradCheck.assertAll(z -> Linalg.lstsq(z, Tensor.from(b)).sum(), Tensor.from(tall), rng);
        GradCheck.assertAll(z -> Linalg.lstsq(Tensor.from(wide), z).square().sum(), Tensor.from(bw), rng);
    }

    @Test
    void matrixNorms() {
        NDArray a = NDArray.of(new double[][] {{3, 0}, {0, -4}, {0, 0}});
        assertEquals(5, Linalg.matrixNorm(Tensor.from(a), "fro").item(), 1e-15);
        assertEquals(7, Linalg.matrixNorm(Tensor.from(a), "nuc").item(), 1e-14);
        assertEquals(4, Linalg.matrixNorm(Tensor.from(a), "2").item(), 1e-14);
        Tensor batched = Tensor.from(NDArray.stack(0, a, a.mul(NDArray.scalar(2))));
        assertArrayEquals(new double[] {4, 8}, Linalg.matrixNorm(batched, "2").toArray(), 1e-14);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Linalg.matrixNorm(Tensor.from(a), "inf"));
        assertTrue(e.getMessage().contains("matrixNorm") && e.getMessage().contains("nuc"), e.getMessage());
    }

    @Test
    void stagedAsOneNodePerDecompositionAndEvaluatedFromTheGraph() {
        Tensor a = Tensor.from(symmetric(new SplittableRandom(37), 3));
        dev.cotangent.graph.Graph g = AD.stage(in -> new Tensor[] {Linalg.eigh(in[0])[0], Linalg.svd(in[0])[2]}, a);
        assertEquals(2, g.opCount(), dev.cotangent.graph.Listing.render(g));
        assertEquals(2, g.nodes().get(0).results());
        assertEquals(3, g.nodes().get(1).results());
        Tensor[] out = dev.cotangent.graph.Evaluator.run(g, a);
        assertArrayEquals(Linalg.eigvalsh(a).toArray(), out[0].toArray(), 0);
        assertArrayEquals(Linalg.svd(a)[2].toArray(), out[1].toArray(), 0);
    }

    // ------------------------------------------------------------------ errors and edge cases

    @Test
    void shapeErrorsNameTheOpAndTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Linalg.eigh(Tensor.zeros(3, 4)));
        assertTrue(e.getMessage().contains("eigh") && e.getMessage().contains("[3,4]"), e.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class, () -> Linalg.svd(Tensor.zeros(3)));
        assertTrue(s.getMessage().contains("svd") && s.getMessage().contains("[3]"), s.getMessage());
        IllegalArgumentException l = assertThrows(IllegalArgumentException.class,
                () -> Linalg.lstsq(Tensor.zeros(3, 2), Tensor.zeros(4, 1)));
        assertTrue(l.getMessage().contains("lstsq"), l.getMessage());
    }

    @Test
    void aMatrixWithANaNGivesNaNsAndTheOthersOfItsBatchAreUnaffected() {
        NDArray good = symmetric(new SplittableRandom(31), 3);
        double[] bad = good.toArray();
        bad[3] = Double.NaN;
        NDArray batch = NDArray.stack(0, good, NDArray.wrap(Shape.of(3, 3), bad));
        for (Tensor[] out : new Tensor[][] {Linalg.eigh(Tensor.from(batch)), Linalg.svd(Tensor.from(batch)),
            Linalg.qr(Tensor.from(batch))}) {
            for (Tensor t : out) {
                double[] d = t.toArray();
                int half = d.length / 2;
                for (int i = 0; i < half; i++) assertTrue(Double.isFinite(d[i]));
                for (int i = half; i < d.length; i++) assertTrue(Double.isNaN(d[i]));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** (M + Mᵀ)/2 for a random M: distinct eigenvalues almost surely. */
    static NDArray symmetric(SplittableRandom rng, int n) {
        NDArray m = NDArray.uniform(rng, -1, 1, n, n);
        return m.add(m.transpose()).mul(NDArray.scalar(0.5));
    }

    static NDArray orthogonal(SplittableRandom rng, int n) {
        return Linalg.qr(Tensor.from(NDArray.normal(rng, 0, 1, n, n)))[0].value();
    }

    /** U diag(σ) Vᵀ with random orthonormal factors and σ = k, k − 1, …, 1 (separated, away from zero). */
    static NDArray separatedSpectrum(SplittableRandom rng, int m, int n) {
        int k = Math.min(m, n);
        NDArray u = Linalg.qr(Tensor.from(NDArray.normal(rng, 0, 1, m, k)))[0].value();
        NDArray v = Linalg.qr(Tensor.from(NDArray.normal(rng, 0, 1, n, k)))[0].value();
        double[] s = new double[k];
        for (int i = 0; i < k; i++) s[i] = k - i;
        return u.matmul(diag(NDArray.of(s))).matmul(v.transpose());
    }

    /** c on the diagonal of the leading min(m, n) block, zeros elsewhere. */
    static NDArray leadingEye(int[] mn, double c) {
        double[] d = new double[mn[0] * mn[1]];
        for (int i = 0; i < Math.min(mn[0], mn[1]); i++) d[i * mn[1] + i] = c;
        return NDArray.wrap(Shape.of(mn), d);
    }

    static NDArray diag(NDArray w) {
        int n = w.size();
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) d[i * n + i] = w.get(i);
        return NDArray.wrap(Shape.of(n, n), d);
    }

    static NDArray lowerOnes(int n) {
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) d[i * n + j] = 1;
        return NDArray.wrap(Shape.of(n, n), d);
    }

    /** tril(G + Gᵀ) − diag(G): the cotangent of the lower triangle that a full cotangent G stands for. */
    static NDArray lowerCotangent(NDArray g) {
        int n = g.dims().dim(0);
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) d[i * n + j] = i == j ? g.get(i, i) : g.get(i, j) + g.get(j, i);
        }
        return NDArray.wrap(Shape.of(n, n), d);
    }

    static double largestMagnitudeEntryOfColumn(NDArray m, int j) {
        double best = 0;
        for (int i = 0; i < m.dims().dim(0); i++) if (Math.abs(m.get(i, j)) > Math.abs(best)) best = m.get(i, j);
        return best;
    }

    static boolean hasNonFinite(NDArray a) {
        for (double d : a.unsafeData()) if (!Double.isFinite(d)) return true;
        return false;
    }

    static void assertClose(NDArray expected, NDArray actual, double tol) {
        assertArrayEquals(expected.shape(), actual.shape(), "shape");
        double[] e = expected.unsafeData();
        double[] a = actual.unsafeData();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], tol * Math.max(1, Math.abs(e[i])), "entry " + i + ": expected " + expected
                    + " got " + actual);
        }
    }
}
