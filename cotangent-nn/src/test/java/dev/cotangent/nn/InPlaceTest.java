package dev.cotangent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.nn.optim.Adam;
import dev.cotangent.nn.optim.FusedUpdate;
import dev.cotangent.nn.optim.GradientDescent;
import dev.cotangent.nn.optim.InPlace;
import dev.cotangent.nn.optim.Momentum;
import dev.cotangent.nn.optim.Optimizer;
import dev.cotangent.nn.optim.Schedule;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The in-place optimiser updates ({@link InPlace}, {@link FusedUpdate}) against the immutable optimisers:
 * the same parameters and state, bit for bit, over many steps of a non-quadratic loss whose gradients come
 * from AD; the caller's tensors never change; and arrays that are shared or of the wrong length are refused
 * with a message that says what to do.
 */
class InPlaceTest {
    // a loss with curvature that changes along the path, so that the moments differ from step to step
    static final Function<Map<String, Tensor>, Tensor> LOSS = p -> {
        Tensor w = p.get("w");
        Tensor b = p.get("b");
        return w.tanh().sub(Tensor.of(0.3, -0.7, 0.2, 0.9)).square().sum().add(b.sub(w.sum()).exp().sum())
                .add(w.mul(w).mul(0.01).sum());
    };

    static Map<String, Tensor> start() {
        return Params.of("w", Tensor.of(0.5, -1.0, 2.0, 0.1), "b", Tensor.of(0.25));
    }

    /** Runs both forms for {@code steps} and checks they agree bit for bit at every step. */
    static <S> void sameAsImmutable(Optimizer<S> immutable, FusedUpdate fused, int steps, Function<S, List<Map<String, Tensor>>> slots) {
        Map<String, Tensor> p0 = start();
        double[] before = Params.flatten(p0);
        Map<String, Tensor> p = p0;
        S s = immutable.init(p);
        InPlace ip = InPlace.start(fused, p0);
        for (int t = 0; t < steps; t++) {
            Map<String, Tensor> g = AD.valueAndGrad(LOSS, p).grads();
            Map<String, Tensor> gi = AD.valueAndGrad(LOSS, ip.params()).grads();
            Map<String, Tensor> keep = ip.params();
            double[] kept = Params.flatten(keep);
            Optimizer.Update<S> u = immutable.step(p, g, s);
            p = u.params();
            s = u.state();
            ip.step(gi);
            assertArrayEquals(kept, Params.flatten(keep), "parameters handed out before a step do not change");
            assertBits(Params.flatten(p), Params.flatten(ip.params()), "parameters after step " + (t + 1));
            List<Map<String, Tensor>> st = slots.apply(s);
            for (int k = 0; k < st.size(); k++) {
                for (String name : List.of("w", "b")) {
                    assertBits(st.get(k).get(name).value().unsafeData(), ip.state(name, k),
                            "state " + k + " of " + name + " after step " + (t + 1));
                }
            }
        }
        assertEquals(steps, ip.steps());
        assertArrayEquals(before, Params.flatten(p0), "the caller's initial tensors are only read");
        assertNotEquals(before[0], Params.flatten(ip.params())[0], "the parameters moved");
    }

    static void assertBits(double[] want, double[] got, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            assertEquals(Double.doubleToRawLongBits(want[i]), Double.doubleToRawLongBits(got[i]),
                    what + ", element " + i + ": " + want[i] + " vs " + got[i]);
        }
    }

    @Test
    void adamAndAdamWMatchTheImmutableStepBitForBit() {
        Adam adam = Adam.adam(Schedule.exponential(0.05, 0.99));
        sameAsImmutable(adam, adam, 300, s -> List.of(s.m(), s.v()));
        Adam adamW = Adam.adamW(Schedule.constant(0.02), 0.1);
        sameAsImmutable(adamW, adamW, 300, s -> List.of(s.m(), s.v()));
        Adam l2 = new Adam(Schedule.constant(0.02), 0.8, 0.99, 1e-6, 0.05, false);
        sameAsImmutable(l2, l2, 300, s -> List.of(s.m(), s.v()));
    }

    @Test
    void momentumNesterovAndDescentMatchTheImmutableStepBitForBit() {
        Momentum heavy = new Momentum(0.02, 0.9, false);
        sameAsImmutable(heavy, heavy, 300, s -> List.of(s.velocity()));
        Momentum nesterov = new Momentum(0.02, 0.9, true);
        sameAsImmutable(nesterov, nesterov, 300, s -> List.of(s.velocity()));
        GradientDescent gd = new GradientDescent(0.05);
        sameAsImmutable(gd, gd, 300, s -> List.of());
    }

    @Test
    void rawUpdateInPlaceEqualsUpdateIntoANewArray() {
        Adam adam = Adam.adamW(Schedule.constant(0.01), 0.01);
        double[] th = {1, -2, 3};
        double[] theta = th.clone();
        double[][] s1 = {new double[3], new double[3]};
        double[][] s2 = {new double[3], new double[3]};
        for (int t = 0; t < 50; t++) {
            double[] g = {Math.sin(th[0] + t), Math.cos(th[1]), th[2] * th[2]};
            double[] out = new double[3];
            adam.update(t, th, g, s1, out);
            th = out;
            double[] g2 = {Math.sin(theta[0] + t), Math.cos(theta[1]), theta[2] * theta[2]};
            adam.update(t, theta, g2, s2, theta);
        }
        assertBits(th, theta, "in place vs new array");
        assertBits(s1[1], s2[1], "second moment");
    }

    @Test
    void adamInPlaceMatchesTheTextbookFormulaWrittenOutHere() {
        // the immutable Adam now shares the fused loop, so check that loop against Kingma & Ba written out
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double rate = 0.01;
        double wd = 0.05;
        Adam adamW = new Adam(Schedule.constant(rate), b1, b2, eps, wd, true);
        double[] theta = {1, -2, 3, 0.5};
        double[][] slots = {new double[4], new double[4]};
        double[] th = theta.clone();
        double[] m = new double[4];
        double[] v = new double[4];
        for (int t = 1; t <= 100; t++) {
            double[] g = new double[4];
            for (int i = 0; i < 4; i++) g[i] = Math.sin(3 * th[i]) + 0.1 * th[i];
            adamW.update(t - 1, theta, g.clone(), slots, theta);
            for (int i = 0; i < 4; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double mHat = m[i] * (1 / (1 - Math.pow(b1, t)));
                double vHat = v[i] * (1 / (1 - Math.pow(b2, t)));
                th[i] = th[i] - rate * (mHat / (Math.sqrt(vHat) + eps) + wd * th[i]);
            }
        }
        assertBits(th, theta, "AdamW after 100 steps");
        assertBits(v, slots[1], "second moment after 100 steps");
    }

    @Test
    void sharedOrMismatchedArraysAreRefused() {
        Adam adam = Adam.adam(0.1);
        double[] th = new double[3];
        double[] g = new double[3];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> adam.update(0, th, g, new double[][] {new double[3], new double[3]}, g));
        assertTrue(e.getMessage().contains("Adam.update") && e.getMessage().contains("gradient and the output"), e.getMessage());
        double[] m = new double[3];
        e = assertThrows(IllegalArgumentException.class, () -> adam.update(0, th, g, new double[][] {m, m}, th));
        assertTrue(e.getMessage().contains("state array 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> adam.update(0, th, g, new double[][] {th, new double[3]}, th));
        assertTrue(e.getMessage().contains("state array 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Momentum(0.1, 0.5, false).update(0, th, new double[2], new double[][] {new double[3]}, th));
        assertTrue(e.getMessage().contains("Momentum.update: parameters have 3 elements, gradient 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new GradientDescent(0.1).update(0, th, g, new double[][] {new double[3]}, th));
        assertTrue(e.getMessage().contains("needs 0 state arrays"), e.getMessage());
        InPlace ip = InPlace.start(adam, start());
        e = assertThrows(IllegalArgumentException.class, () -> ip.state("nope", 0));
        assertTrue(e.getMessage().contains("no parameter named 'nope'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ip.step(Params.of("w", Tensor.of(1, 2, 3, 4))));
        assertEquals(0, ip.steps(), "a refused step changes nothing");
        assertTrue(Ops.sum(ip.params().get("w")).item() != 0);
    }
}
