package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The lecture's invertible architecture, ẋ = u(y), ẏ = v(x) stepped by leapfrog: reversing the steps in the
 * backward sweep gives the gradient of storing every state (to 1e-8), in forward and reverse mode, and refuses
 * (or restarts from stored states) when reversal drifts.
 */
class LeapfrogTest {
    /** A pendulum: H = y²/2 − θ cos x, so ẋ = y, ẏ = −θ sin x. */
    private static final BiFunction<Tensor, Tensor, Tensor> U = (y, th) -> y.mul(1);
    private static final BiFunction<Tensor, Tensor, Tensor> V = (x, th) -> x.sin().mul(th).neg();

    /** The same loop with ops, recorded whole by reverse mode: the reference. */
    private static Tensor[] stored(Tensor x, Tensor y, Tensor th, double tau, int steps,
                                   BiFunction<Tensor, Tensor, Tensor> u, BiFunction<Tensor, Tensor, Tensor> v) {
        for (int k = 0; k < steps; k++) {
            x = x.add(u.apply(y, th).mul(tau));
            y = y.add(v.apply(x, th).mul(tau));
        }
        return new Tensor[] {x, y};
    }

    private static Tensor energy(Tensor[] s) {
        return s[0].cos().neg().sum().add(s[1].mul(s[1]).sum().mul(0.5)).add(s[0].mul(s[1]).sum());
    }

    @Test
    void reversedGradientEqualsStoringEveryState() {
        Tensor x0 = Tensor.of(0.3, -1.0, 2.0);
        Tensor y0 = Tensor.of(0.5, 0.2, -0.1);
        Tensor th = Tensor.scalar(1.7);
        for (int steps : new int[] {1, 10, 1000}) {
            double tau = 0.01;
            java.util.function.Function<Tensor[], Tensor> rev = a ->
                    energy(Loop.leapfrog(U, V, a[0], a[1], a[2], tau, steps));
            java.util.function.Function<Tensor[], Tensor> ref = a -> energy(stored(a[0], a[1], a[2], tau, steps, U, V));
            ValueAndGradList want = AD.valueAndGrad(ref, new Tensor[] {x0, y0, th});
            ValueAndGradList got = AD.valueAndGrad(rev, new Tensor[] {x0, y0, th});
            assertEquals(want.value().item(), got.value().item(), 1e-12);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(want.grads().get(i).toArray(), got.grads().get(i).toArray(), 1e-8,
                        steps + " steps, operand " + i);
            }
        }
    }

    @Test
    void forwardModeAndSecondOrder() {
        Tensor x0 = Tensor.of(0.3, -1.0);
        Tensor y0 = Tensor.of(0.5, 0.2);
        java.util.function.Function<Tensor, Tensor> rev = th -> energy(Loop.leapfrog(U, V, x0, y0, th, 0.05, 40));
        java.util.function.Function<Tensor, Tensor> ref = th -> energy(stored(x0, y0, th, 0.05, 40, U, V));
        Tensor th = Tensor.scalar(0.8);
        assertEquals(AD.jvp(ref, th, Tensor.scalar(1)).tangent().item(),
                AD.jvp(rev, th, Tensor.scalar(1)).tangent().item(), 1e-10);
        assertEquals(AD.hessian(ref).apply(th).item(), AD.hessian(rev).apply(th).item(), 1e-8);
    }

    @Test
    void driftIsRefusedAndStoredStatesFixIt() {
        // ẏ = +θ x: an unstable system, whose reversal amplifies rounding errors exponentially
        BiFunction<Tensor, Tensor, Tensor> v = (x, th) -> x.mul(th);
        Tensor x0 = Tensor.of(1.0, -0.5);
        Tensor y0 = Tensor.of(0.0, 0.3);
        Tensor th = Tensor.scalar(4.0);
        int steps = 400;
        double tau = 0.1;
        java.util.function.Function<Tensor, Tensor> rev = a -> energy(Loop.leapfrog(U, v, a, y0, th, tau, steps));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> AD.grad(rev).apply(x0));
        assertTrue(e.getMessage().contains("storeEvery") && e.getMessage().contains("400 steps"), e.getMessage());
        java.util.function.Function<Tensor, Tensor> restarted = a -> {
            Tensor[] s = Loop.leapfrog(U, v, a, y0, th, tau, steps, 5);
            return s[0].sum().add(s[1].sum()).div(s[0].abs().sum().item());
        };
        java.util.function.Function<Tensor, Tensor> ref = a -> {
            Tensor[] s = stored(a, y0, th, tau, steps, U, v);
            return s[0].sum().add(s[1].sum()).div(s[0].abs().sum().item());
        };
        double[] want = AD.grad(ref).apply(x0).toArray();
        double[] got = AD.grad(restarted).apply(x0).toArray();
        for (int i = 0; i < 2; i++) assertEquals(want[i], got[i], 1e-8 * Math.max(1, Math.abs(want[i])));
    }

    @Test
    void vmapOverStartingStates() {
        Tensor th = Tensor.scalar(1.3);
        Tensor xs = Tensor.of(new double[][] {{0.1, 0.2}, {-1, 0.5}});
        Tensor y0 = Tensor.of(0.3, -0.2);
        java.util.function.Function<Tensor, Tensor> g =
                AD.grad((Tensor x) -> energy(Loop.leapfrog(U, V, x, y0, th, 0.02, 50)));
        Tensor got = AD.vmap(g).apply(xs);
        for (int b = 0; b < 2; b++) {
            Tensor row = Tensor.from(xs.value().slice(0, b, b + 1).reshape(2));
            double[] want = AD.grad((Tensor x) -> energy(stored(x, y0, th, 0.02, 50, U, V))).apply(row).toArray();
            assertArrayEquals(want, got.value().slice(0, b, b + 1).reshape(2).toArray(), 1e-8);
        }
    }
}
