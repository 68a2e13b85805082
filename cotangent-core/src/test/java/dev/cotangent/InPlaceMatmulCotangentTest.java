package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cotangent.check.GradCheck;
import dev.cotangent.tensor.NDArray;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The reverse sweep adds a weight's matmul cotangents into a sum it owns by a GEMM of β = 1 (Cotangents.addProduct):
 * the gradients have the bits of the general path (anomaly mode, which takes the rule every time), agree with a
 * closed form, finite differences and forward mode, and no tensor the user gave is written.
 */
class InPlaceMatmulCotangentTest {
    private static final SplittableRandom RNG = new SplittableRandom(5);

    private static Tensor random(int... dims) {
        return Tensor.from(NDArray.uniform(RNG, -1, 1, dims));
    }

    /** M1's recurrence x ← tanh(W x), K steps, as a loss of W. */
    private static Function<Tensor, Tensor> recurrence(Tensor x0, int steps) {
        return w -> {
            Tensor x = x0;
            for (int i = 0; i < steps; i++) x = Ops.tanh(Ops.matmul(w, x));
            return Ops.sum(x);
        };
    }

    private static void assertSameBits(Tensor want, Tensor got, String what) {
        double[] a = want.value().unsafeData();
        double[] b = got.value().unsafeData();
        assertEquals(a.length, b.length, what);
        for (int i = 0; i < a.length; i++) {
            int at = i;
            assertEquals(Double.doubleToLongBits(a[i]), Double.doubleToLongBits(b[i]), () -> what + " at " + at);
        }
    }

    @Test
    void recurrenceGradientsHaveTheBitsOfTheGeneralPathAndLeaveInputsAlone() {
        for (int batch : new int[] {1, 8, 64}) {
            Tensor w = Ops.mul(random(64, 64), Tensor.scalar(0.2));
            Tensor x0 = batch == 1 ? random(64) : random(64, batch);
            double[] w0 = w.value().toArray();
            double[] x00 = x0.value().toArray();
            Function<Tensor, Tensor> f = recurrence(x0, 40);
            Tensor fast = AD.grad(f).apply(w);
            Tensor general = AD.detectAnomaly(() -> AD.grad(f).apply(w));
            assertSameBits(general, fast, "B = " + batch);
            assertArrayEquals(w0, w.value().unsafeData(), 0.0, "W was written");
            assertArrayEquals(x00, x0.value().unsafeData(), 0.0, "x0 was written");
        }
    }

    @Test
    void aUsersSeedPassedThroughToTheWeightIsNotWritten() {
        Tensor x = random(64, 3);
        Tensor y = random(64, 3);
        // W + W X Xᵀ + W Y Yᵀ, recorded so that the seed reaches W's slot first, as it is (Add passes it on)
        Function<Tensor, Tensor> f = w -> Ops.add(Ops.add(Ops.matmul(Ops.matmul(w, x, false, false), x, false, true),
                Ops.matmul(Ops.matmul(w, y, false, false), y, false, true)), w);
        Tensor w = random(64, 64);
        Tensor seed = random(64, 64);
        double[] seed0 = seed.value().toArray();
        Tensor fast = AD.vjp(f, w).pullback(seed);
        Tensor general = AD.detectAnomaly(() -> AD.vjp(f, w).pullback(seed));
        assertSameBits(general, fast, "W X Xᵀ + W Y Yᵀ + W");
        assertArrayEquals(seed0, seed.value().unsafeData(), 0.0, "the seed was written");
        // closed form: S + S (X Xᵀ + Y Yᵀ), by loops
        double[] s = seed0;
        double[] xa = x.value().unsafeData();
        double[] ya = y.value().unsafeData();
        double[] want = new double[64 * 64];
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 64; j++) {
                double v = s[i * 64 + j];
                for (int a = 0; a < 64; a++) {
                    double yy = 0;
                    for (int c = 0; c < 3; c++) yy += xa[a * 3 + c] * xa[j * 3 + c] + ya[a * 3 + c] * ya[j * 3 + c];
                    v += s[i * 64 + a] * yy;
                }
                want[i * 64 + j] = v;
            }
        }
        assertArrayEquals(want, fast.value().unsafeData(), 1e-12);
    }

    @Test
    void sumOfBilinearFormsHasTheClosedFormGradient() {
        // f(W) = Σ_t u_tᵀ W v_t, so ∇f = Σ_t u_t v_tᵀ, summed here by loops
        int n = 48;
        int steps = 30;
        Tensor[] u = new Tensor[steps];
        Tensor[] v = new Tensor[steps];
        for (int t = 0; t < steps; t++) {
            u[t] = random(n, 1);
            v[t] = random(n, 1);
        }
        Function<Tensor, Tensor> f = w -> {
            Tensor s = Tensor.scalar(0.0);
            for (int t = 0; t < steps; t++) s = Ops.add(s, Ops.sum(Ops.mul(u[t], Ops.matmul(w, v[t], false, false))));
            return s;
        };
        Tensor g = AD.grad(f).apply(random(n, n));
        double[] want = new double[n * n];
        for (int t = 0; t < steps; t++) {
            double[] ua = u[t].value().unsafeData();
            double[] va = v[t].value().unsafeData();
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) want[i * n + j] += ua[i] * va[j];
        }
        assertArrayEquals(want, g.value().unsafeData(), 1e-13);
    }

    @Test
    void recurrenceGradientPassesFiniteDifferencesAndTheDotProductTest() {
        Tensor x0 = random(40, 2);
        GradCheck.assertAll(recurrence(x0, 12), Ops.mul(random(40, 40), Tensor.scalar(0.3)), new SplittableRandom(9));
    }
}
