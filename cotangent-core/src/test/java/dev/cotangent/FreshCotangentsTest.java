package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cotangent.check.GradCheck;
import dev.cotangent.primitive.Named;
import dev.cotangent.primitive.OneResult;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import dev.cotangent.trace.Bind;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Rules that declare fresh results ({@code Primitive.vjpResultsFresh}: mul, slice) let the backward sweep add later
 * cotangents into their results in place: gradients keep the bits of the general path (anomaly mode, which never
 * writes in place), agree with a closed form, finite differences and forward mode, and no tensor the user gave is
 * written, even by a rule that declares fresh results and passes its cotangent on.
 */
class FreshCotangentsTest {
    private static final Tensor ONE = Tensor.scalar(1.0);
    private static final Tensor HUNDRED = Tensor.scalar(100.0);

    /** S1's vectorised Rosenbrock function, with slices. */
    private static Tensor rosenbrock(Tensor x) {
        int n = x.size();
        Tensor head = Ops.slice(x, 0, 0, n - 1);
        Tensor tail = Ops.slice(x, 0, 1, n);
        Tensor t = Ops.sub(tail, Ops.mul(head, head));
        Tensor u = Ops.sub(head, ONE);
        return Ops.sum(Ops.add(Ops.mul(Ops.mul(t, t), HUNDRED), Ops.mul(u, u)));
    }

    private static void assertSameBits(double[] want, double[] got, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            int at = i;
            assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(got[i]), () -> what + " at " + at);
        }
    }

    @Test
    void rosenbrockGradientHasTheBitsOfTheGeneralPathTheClosedFormAndLeavesXAlone() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 1000;
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) xs[i] = rng.nextDouble(-2, 2);
        Tensor x = Tensor.of(xs.clone());
        Tensor fast = AD.grad(FreshCotangentsTest::rosenbrock).apply(x);
        Tensor general = AD.detectAnomaly(() -> AD.grad(FreshCotangentsTest::rosenbrock).apply(x));
        assertSameBits(general.value().unsafeData(), fast.value().unsafeData(), "S1 gradient");
        assertArrayEquals(xs, x.value().unsafeData(), 0.0, "x was written");
        double[] want = new double[n];
        for (int i = 0; i + 1 < n; i++) {
            double t = xs[i + 1] - xs[i] * xs[i];
            want[i] += -400 * t * xs[i] + 2 * (xs[i] - 1);
            want[i + 1] += 200 * t;
        }
        assertArrayEquals(want, fast.value().unsafeData(), 1e-10);
    }

    @Test
    void rosenbrockGradientPassesFiniteDifferencesAndTheDotProductTest() {
        GradCheck.assertAll(FreshCotangentsTest::rosenbrock, Tensor.of(0.3, -0.7, 1.1, 0.4, -1.3),
                new SplittableRandom(4));
    }

    @Test
    void aRuleThatDeclaresFreshResultsButPassesItsCotangentOnDoesNotGetAUsersSeedWritten() {
        PassThrough lie = new PassThrough();
        Tensor c = Tensor.of(1.5, -2.0, 0.25, 3.0);
        Function<Tensor, Tensor> f = x -> Ops.add(Ops.mul(x, c), Bind.bind(lie, x));
        Tensor seed = Tensor.of(0.1, 0.2, 0.3, 0.4);
        double[] seed0 = seed.value().toArray();
        Tensor got = AD.vjp(f, Tensor.of(1, 2, 3, 4)).pullback(seed);
        assertArrayEquals(seed0, seed.value().unsafeData(), 0.0, "the seed was written");
        double[] want = new double[4];
        for (int i = 0; i < 4; i++) want[i] = seed0[i] * c.value().unsafeData()[i] + seed0[i];
        assertSameBits(want, got.value().unsafeData(), "S·c + S");
    }

    /** The identity, whose VJP passes ȳ on as is while declaring fresh results: the sweep's identity check must catch it. */
    private static final class PassThrough extends Named implements OneResult {
        @Override
        public String name() {
            return "pass_through_declared_fresh";
        }

        @Override
        public int arity() {
            return 1;
        }

        @Override
        public Shape shape(Shape... in) {
            return in[0];
        }

        @Override
        public NDArray apply(NDArray... in) {
            return in[0];
        }

        @Override
        public Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out) {
            return tangents[0];
        }

        @Override
        public Tensor[] vjp(Tensor cotangent, Tensor[] primals, Tensor out, boolean[] needed) {
            return new Tensor[] {cotangent};
        }

        @Override
        public Tensor batch(Tensor[] args, boolean[] batched, int size) {
            return args[0];
        }

        @Override
        public boolean vjpResultsFresh() {
            return true;
        }
    }
}
