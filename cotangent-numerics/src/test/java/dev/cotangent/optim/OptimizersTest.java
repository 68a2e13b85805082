package dev.cotangent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.Linalg;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The general minimisers on the quadratic f(θ) = ½ (θ − c)ᵀ A (θ − c) over a two-tensor tree, whose minimiser c
 * is known; L-BFGS also on Rosenbrock's function (minimiser (1, 1)); the line search and the linear solvers.
 */
class OptimizersTest {
    // A = diag(1, 4, 9) on "a" (2 entries) and "b" (1 entry); minimiser c.
    static final double[] DIAG = {1, 4, 9};
    static final double[] C = {1.5, -2.0, 0.5};
    static final Tensor DIAG_T = Tensor.of(DIAG);
    static final Tensor C_T = Tensor.of(C);

    static final Function<Map<String, Tensor>, Tensor> QUADRATIC = p -> {
        Tensor th = dev.cotangent.Ops.concat(0, p.get("a"), p.get("b"));
        Tensor d = th.sub(C_T);
        return d.square().mul(DIAG_T).sum().mul(0.5);
    };

    static Map<String, Tensor> start() {
        return Trees.of("a", Tensor.of(0, 0), "b", Tensor.of(3));
    }

    static void assertAtMinimiser(Map<String, Tensor> p, double tol) {
        assertArrayEquals(C, Ravel.flatten(p), tol);
    }

    @Test
    void lbfgsWithStrongWolfeSolvesTheQuadratic() {
        var u = new Lbfgs().minimize(Objective.autodiff(QUADRATIC), start(), 50, 1e-12);
        assertAtMinimiser(u.params(), 1e-10);
        assertTrue(u.state().iteration() <= 15, "iterations " + u.state().iteration()); // GD needs ~200
    }

    @Test
    void lbfgsWithArmijoSolvesTheQuadratic() {
        var u = new Lbfgs(5, LineSearch.armijo()).minimize(Objective.autodiff(QUADRATIC), start(), 100, 1e-12);
        assertAtMinimiser(u.params(), 1e-10);
    }

    @Test
    void lbfgsSolvesRosenbrock() {
        Function<Map<String, Tensor>, Tensor> rosen = p -> {
            Tensor x = dev.cotangent.Ops.slice(p.get("z"), 0, 0, 1);
            Tensor y = dev.cotangent.Ops.slice(p.get("z"), 0, 1, 2);
            return Tensor.scalar(1).sub(x).square().add(y.sub(x.square()).square().mul(100)).sum();
        };
        var u = new Lbfgs().minimize(Objective.autodiff(rosen), Trees.of("z", Tensor.of(-1.2, 1.0)), 200, 1e-10);
        assertArrayEquals(new double[] {1, 1}, Ravel.flatten(u.params()), 1e-8);
        assertFalse(u.state().stalled());
    }

    @Test
    void strongWolfeAcceptedPointsSatisfyBothConditions() {
        // φ(α) = (α − 3)² − 9 along p = 1 from x = 0: φ(0) = 0, φ'(0) = −6.
        LineSearch ls = LineSearch.strongWolfe(1e-4, 0.1, 30);
        LineSearch.Point start = new LineSearch.Point(0, 0, new double[] {-6}, -6);
        LineSearch.Point p = ls.search(a -> new LineSearch.Point(a, (a - 3) * (a - 3) - 9,
                new double[] {2 * (a - 3)}, 2 * (a - 3)), start, 1.0);
        assertTrue(p.value() <= 1e-4 * p.alpha() * -6);
        assertTrue(Math.abs(p.slope()) <= 0.1 * 6, "slope " + p.slope());
    }

    @Test
    void newtonSolvesAQuadraticInOneStep() {
        Map<String, Tensor> p = Newton.step(QUADRATIC, start());
        assertAtMinimiser(p, 1e-12);
        Function<Tensor, Tensor> f = th -> th.sub(C_T).square().mul(DIAG_T).sum().mul(0.5);
        assertArrayEquals(C, Newton.cgStep(f, Tensor.of(0, 0, 0), 1e-14).toArray(), 1e-12);
        assertArrayEquals(C, Newton.dampedStep(f, Tensor.of(0, 0, 0)).toArray(), 1e-12);
    }

    @Test
    void linearSolvesAgree() {
        Tensor a = Tensor.of(new double[][] {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}});
        Tensor b = Tensor.of(1, 2, 3);
        double[] x = Newton.direction(a, b); // positive definite: Cholesky
        assertArrayEquals(Linalg.solve(a, b).toArray(), x, 1e-14);
        var cg = ConjugateGradient.solve(v -> new double[] {4 * v[0] + v[1], v[0] + 3 * v[1] + v[2], v[1] + 2 * v[2]},
                b.toArray(), 1e-14, 10);
        assertArrayEquals(x, cg.x(), 1e-12);
        assertTrue(cg.iterations() <= 3);
        // Indefinite: Cholesky declines, LU solves.
        Tensor ind = Tensor.of(new double[][] {{0, 1}, {1, 0}});
        assertArrayEquals(new double[] {2, 1}, Newton.direction(ind, Tensor.of(1, 2)), 1e-15);
    }

    @Test
    void newtonStepFindsTheSaddleOfAnIndefiniteQuadratic() {
        // f = x0·x1 + x0: ∇f = (x1 + 1, x0), H = [[0, 1], [1, 0]] (indefinite, so LU): the step lands on (0, −1)
        Function<Tensor, Tensor> f = x -> Ops.slice(x, 0, 0, 1).mul(Ops.slice(x, 0, 1, 2).add(1)).sum();
        assertArrayEquals(new double[] {0, -1}, Newton.step(f, Tensor.of(3, 5)).toArray(), 1e-14);
    }

    @Test
    void newtonCgMatchesTheExactNewtonStepOnAMatrixQuadratic() {
        // f(x) = ½ xᵀ(MᵀM + I)x − bᵀx with a dense 8×8 M: CG needs several iterations of products through BLAS,
        // and its minimiser solves (MᵀM + I) x = b; checked through that residual, computed here by hand
        int d = 8;
        double[] m = new double[d * d];
        double[] b = new double[d];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7); // full rank: CG needs all d iterations
        for (int i = 0; i < m.length; i++) m[i] = rng.nextDouble(-1, 1);
        for (int i = 0; i < d; i++) b[i] = rng.nextDouble(-1, 1);
        Tensor mt = Tensor.of(new int[] {d, d}, m);
        Tensor bt = Tensor.of(b);
        Function<Tensor, Tensor> f = x -> {
            Tensor mx = mt.matmul(x);
            return mx.mul(mx).sum().add(x.mul(x).sum()).mul(0.5).sub(bt.mul(x).sum());
        };
        double[] x = Newton.cgStep(f, Tensor.zeros(d), 1e-14).toArray();
        double[] exact = Newton.step(f, Tensor.zeros(d)).toArray();
        assertArrayEquals(exact, x, 1e-9);
        for (int i = 0; i < d; i++) {
            double r = x[i] - b[i];
            for (int j = 0; j < d; j++) {
                double mtm = 0;
                for (int k = 0; k < d; k++) mtm += m[k * d + i] * m[k * d + j];
                r += mtm * x[j];
            }
            assertEquals(0.0, r, 1e-9, "residual of row " + i);
        }
    }
}
