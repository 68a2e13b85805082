package dev.cotangent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.nn.optim.Adam;
import dev.cotangent.nn.optim.GradientDescent;
import dev.cotangent.nn.optim.InPlace;
import dev.cotangent.nn.optim.Optimizer;
import dev.cotangent.nn.optim.Schedule;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link InPlace#overwriting}: parameters written in place give, step for step, the bits of the immutable optimiser,
 * with a loss whose matrix products read the parameters through BLAS (so the core's operand mirrors and their
 * invalidation are exercised); the caller's tensors are only read; and a gradient that is one of the parameter
 * arrays is read before anything is overwritten.
 */
class OverwritingTest {
    static final int N = 40; // 1,600 elements: large enough for BLAS operand mirrors

    static Tensor random(long seed, int... dims) {
        Random r = new Random(seed);
        double[] a = new double[dims[0] * dims[1]];
        for (int i = 0; i < a.length; i++) a[i] = 0.3 * r.nextGaussian();
        return Tensor.of(dims, a);
    }

    @Test
    void adamOverwritingMatchesTheImmutableAdamBitForBit() {
        Tensor x = random(1, N, N);
        Function<Map<String, Tensor>, Tensor> loss = p -> x.matmul(p.get("w1")).tanh().matmul(p.get("w2")).square().mean()
                .add(p.get("w1").square().sum().mul(1e-3));
        Map<String, Tensor> p0 = Params.of("w1", random(2, N, N), "w2", random(3, N, N));
        double[] before = Params.flatten(p0);
        Adam adam = Adam.adam(Schedule.constant(0.01));
        Map<String, Tensor> p = p0;
        Adam.State s = adam.init(p);
        InPlace ip = InPlace.overwriting(adam, p0);
        Tensor w1 = ip.params().get("w1");
        for (int t = 0; t < 60; t++) {
            Optimizer.Update<Adam.State> u = adam.step(p, AD.valueAndGrad(loss, p).grads(), s);
            p = u.params();
            s = u.state();
            ip.step(AD.valueAndGrad(loss, ip.params()).grads());
            InPlaceTest.assertBits(Params.flatten(p), Params.flatten(ip.params()), "parameters after step " + (t + 1));
        }
        assertSame(w1, ip.params().get("w1"), "the same tensors every step, their values overwritten");
        assertArrayEquals(before, Params.flatten(p0), 0.0, "the caller's initial tensors are only read");
    }

    @Test
    void aGradientThatIsAParameterArrayIsReadBeforeAnythingIsWritten() {
        GradientDescent gd = new GradientDescent(0.5);
        Map<String, Tensor> p0 = Params.of("a", Tensor.of(1, 2), "b", Tensor.of(10, 20));
        InPlace ip = InPlace.overwriting(gd, p0);
        Map<String, Tensor> q = ip.params();
        // the gradient of a·b is (b, a): each parameter's gradient is the other's own array
        ip.step(Params.of("a", q.get("b"), "b", q.get("a")));
        InPlaceTest.assertBits(new double[] {1 - 5, 2 - 10}, ip.params().get("a").toArray(), "a");
        InPlaceTest.assertBits(new double[] {10 - 0.5, 20 - 1}, ip.params().get("b").toArray(), "b");
    }
}
