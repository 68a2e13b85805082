package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.check.CheckResult;
import dev.cotangent.check.GradCheck;
import dev.cotangent.check.Tolerance;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Loop.scan under every checkpoint schedule gives the gradient of plain reverse mode; binomial(s) recomputes
 * exactly Griewank–Walther's minimum number of steps (counted); scan composes with hessian, vmap and a
 * checkpointed step.
 */
class LoopTest {
    private static final int N = 4;
    /** An M1-like recurrence x_{k+1} = tanh(θ x_k). */
    private static final BiFunction<Tensor, Tensor, Tensor> STEP = (x, th) -> th.matmul(x).tanh();
    private static final List<Checkpoints> POLICIES = List.of(Checkpoints.all(), Checkpoints.every(1),
            Checkpoints.every(5), Checkpoints.every(40), Checkpoints.binomial(1), Checkpoints.binomial(3),
            Checkpoints.binomial(8), Checkpoints.binomial(100));

    private static Tensor theta() {
        SplittableRandom r = new SplittableRandom(5);
        double[] d = new double[N * N];
        for (int i = 0; i < d.length; i++) d[i] = r.nextDouble(-0.6, 0.6);
        return Tensor.of(new int[] {N, N}, d);
    }

    private static final Tensor X0 = Tensor.of(0.5, -0.3, 0.8, 0.1);

    private static Tensor loss(Tensor x0, Tensor th, int steps, Checkpoints p) {
        Tensor x = Loop.scan(STEP, x0, th, steps, p);
        return x.mul(Tensor.of(1, -2, 0.5, 3)).sum();
    }

    @Test
    void everyScheduleGivesThePlainGradient() {
        Tensor th = theta();
        for (int steps : new int[] {0, 1, 2, 7, 37}) {
            Tensor[] plain = AD.grad((Tensor a, Tensor b) -> loss(a, b, steps, Checkpoints.all())).apply(X0, th);
            for (Checkpoints p : POLICIES) {
                Tensor[] g = AD.grad((Tensor a, Tensor b) -> loss(a, b, steps, p)).apply(X0, th);
                assertArrayEquals(plain[0].toArray(), g[0].toArray(), 1e-14, p + ", " + steps + " steps: dx0");
                assertArrayEquals(plain[1].toArray(), g[1].toArray(), 1e-14, p + ", " + steps + " steps: dθ");
            }
        }
    }

    @Test
    void agreesWithFiniteDifferencesAndForwardMode() {
        Tensor th = theta();
        SplittableRandom r = new SplittableRandom(9);
        for (Checkpoints p : List.of(Checkpoints.every(4), Checkpoints.binomial(3))) {
            Function<Tensor, Tensor> f = flatTheta -> Loop.scan(STEP, X0, flatTheta.reshape(N, N), 23, p);
            Tensor x = th.reshape(N * N);
            Tensor v = GradCheck.random(r, N * N);
            Tensor u = GradCheck.random(r, N);
            CheckResult fd = GradCheck.jvp(f, x, v, Tolerance.FINITE_DIFFERENCES);
            CheckResult dot = GradCheck.dotProduct(f, x, u, v, Tolerance.ROUNDING);
            assertTrue(fd.passed(), p + ": " + fd);
            assertTrue(dot.passed(), p + ": " + dot);
        }
    }

    /** Griewank–Walther's minimum, computed here from its formula: t·K − β(s+1, t−1), β(s, t) = C(s+t, s). */
    private static long formula(int k, int s) {
        if (k <= 1) return 0;
        int t = 1;
        while (choose(s + t, s) < k) t++;
        return (long) t * k - choose(s + t, s + 1);
    }

    private static long choose(int n, int r) {
        if (r < 0 || r > n) return 0;
        java.math.BigInteger c = java.math.BigInteger.ONE;
        for (int i = 1; i <= r; i++) c = c.multiply(java.math.BigInteger.valueOf(n - r + i)).divide(java.math.BigInteger.valueOf(i));
        return c.longValueExact();
    }

    @Test
    void theFormulaIsTheMinimumOfAllSchedules() {
        // brute force over every split: cost(l, s) = min_m m + cost(l − m, s − 1) + cost(m, s), cost(1, s) = 0,
        // cost(l, 1) = l(l − 1)/2
        int maxL = 40;
        int maxS = 6;
        long[][] cost = new long[maxL + 1][maxS + 1];
        for (int s = 1; s <= maxS; s++) {
            for (int l = 2; l <= maxL; l++) {
                if (s == 1) {
                    cost[l][s] = (long) l * (l - 1) / 2;
                    continue;
                }
                long best = Long.MAX_VALUE;
                for (int m = 1; m < l; m++) best = Math.min(best, m + cost[l - m][s - 1] + cost[m][s]);
                cost[l][s] = best;
            }
        }
        for (int s = 1; s <= maxS; s++) {
            for (int l = 1; l <= maxL; l++) assertEquals(cost[l][s], formula(l, s), "K = " + l + ", s = " + s);
        }
    }

    @Test
    void binomialRecomputesExactlyTheMinimumNumberOfSteps() {
        Tensor th = theta();
        for (int k : new int[] {1, 2, 3, 10, 17, 50, 120}) {
            for (int s : new int[] {1, 2, 3, 5, 8, 200}) {
                AtomicInteger calls = new AtomicInteger();
                BiFunction<Tensor, Tensor, Tensor> counted = (x, t) -> {
                    calls.incrementAndGet();
                    return STEP.apply(x, t);
                };
                Checkpoints p = Checkpoints.binomial(s);
                AD.grad((Tensor a, Tensor b) -> Loop.scan(counted, a, b, k, p).sum()).apply(X0, th);
                // K steps to compute the result, K recorded steps to reverse them, and the recomputed ones
                long recomputed = calls.get() - 2L * k;
                assertEquals(formula(k, s), recomputed, "K = " + k + ", s = " + s);
                assertEquals(formula(k, s), p.recomputedSteps(k), "K = " + k + ", s = " + s);
            }
        }
    }

    @Test
    void hessianThroughScan() {
        Tensor th = theta();
        Function<Tensor, Tensor> plain = x -> loss(x, th, 15, Checkpoints.all());
        Tensor want = AD.hessian(plain).apply(X0);
        for (Checkpoints p : List.of(Checkpoints.every(4), Checkpoints.binomial(2))) {
            Tensor h = AD.hessian(x -> loss(x, th, 15, p)).apply(X0);
            assertArrayEquals(want.toArray(), h.toArray(), 1e-13, p.toString());
            Tensor rr = AD.jacrev(AD.grad(x -> loss(x, th, 15, p))).apply(X0);
            assertArrayEquals(want.toArray(), rr.toArray(), 1e-13, p + " reverse over reverse");
        }
    }

    @Test
    void vmapOverABatchOfStartingStates() {
        Tensor th = theta();
        Tensor batch = Tensor.of(new double[][] {{0.5, -0.3, 0.8, 0.1}, {1, 0, 0, -1}, {0.2, 0.2, -0.4, 0.3}});
        for (Checkpoints p : POLICIES) {
            Tensor g = AD.vmap(x -> AD.grad((Tensor a) -> loss(a, th, 9, p)).apply(x)).apply(batch);
            for (int b = 0; b < 3; b++) {
                Tensor row = Tensor.from(batch.value().slice(0, b, b + 1).reshape(N));
                double[] want = AD.grad((Tensor a) -> loss(a, th, 9, Checkpoints.all())).apply(row).toArray();
                double[] got = g.value().slice(0, b, b + 1).reshape(N).toArray();
                assertArrayEquals(want, got, 1e-14, p + ", example " + b);
            }
        }
    }

    @Test
    void aCheckpointedStepComposes() {
        Tensor th = theta();
        Function<Tensor[], Tensor> inner = AD.checkpoint(xs -> STEP.apply(xs[0], xs[1]));
        BiFunction<Tensor, Tensor, Tensor> step = (x, t) -> inner.apply(new Tensor[] {x, t});
        Tensor want = AD.grad((Tensor a) -> loss(a, th, 12, Checkpoints.all())).apply(X0);
        Tensor got = AD.grad((Tensor a) -> Loop.scan(step, a, th, 12, Checkpoints.binomial(3))
                .mul(Tensor.of(1, -2, 0.5, 3)).sum()).apply(X0);
        assertArrayEquals(want.toArray(), got.toArray(), 1e-14);
    }

    @Test
    void aStepThatChangesTheShapeIsAnErrorNamingTheStep() {
        BiFunction<Tensor, Tensor, Tensor> bad = (x, t) -> x.size() > 1 && t.item() > 2.5 ? x.sum().reshape(1) : x.mul(1);
        AtomicInteger k = new AtomicInteger();
        BiFunction<Tensor, Tensor, Tensor> counting = (x, t) -> bad.apply(x, Tensor.scalar(k.incrementAndGet()));
        for (Checkpoints p : List.of(Checkpoints.all(), Checkpoints.binomial(2))) {
            k.set(0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Loop.scan(counting, Tensor.of(1, 2), Tensor.scalar(0), 5, p));
            assertTrue(e.getMessage().contains("step 2") && e.getMessage().contains("[2]")
                    && e.getMessage().contains("[1]"), e.getMessage());
        }
    }
}
