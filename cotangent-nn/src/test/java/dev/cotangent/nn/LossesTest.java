package dev.cotangent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Loss values against hand computations, their gradients against finite differences, and stability. */
class LossesTest {
    @Test
    void mseValueAndGradient() {
        Tensor t = Tensor.of(1, 2, 3);
        assertEquals((0.25 + 1 + 0) / 3, Losses.mse(Tensor.of(1.5, 1, 3), t).item(), 1e-15);
        GradCheck.check(p -> Losses.mse(p.get("y"), t), Params.of("y", Tensor.of(0.3, -1, 2)), 1e-7);
    }

    @Test
    void crossEntropyIsStableForHugeLogits() {
        Tensor z = Tensor.of(new double[][] {{1000, 0, -1000}, {0, 0, 0}});
        double v = Losses.softmaxCrossEntropy(z, new int[] {0, 2}).item();
        assertEquals(0.5 * (0 + Math.log(3)), v, 1e-12);
        GradCheck.check(p -> Losses.softmaxCrossEntropy(p.get("z"), new int[] {1, 0}),
                Params.of("z", Tensor.from(NDArray.normal(new SplittableRandom(1), 0, 2, 2, 3))), 1e-7);
    }

    @Test
    void logisticMatchesItsDefinitionAndIsStable() {
        Tensor s = Tensor.of(2.0, -1.0, 800.0, -800.0);
        Tensor y = Tensor.of(1, 0, 1, 0);
        double expected = (Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(-1)) + 0 + 0) / 4;
        assertEquals(expected, Losses.logistic(s, y).item(), 1e-14);
        GradCheck.check(p -> Losses.logistic(p.get("s"), Tensor.of(1, 0, 1)), Params.of("s", Tensor.of(0.3, 2, -1)),
                1e-7);
    }

    @Test
    void l2PenalisesWeightsOnly() {
        Map<String, Tensor> p = Params.of("w", Tensor.of(new double[][] {{1, 2}, {3, 4}}), "b", Tensor.of(5, 6));
        assertEquals(0.5 * 0.1 * 30, Losses.l2(p, 0.1).item(), 1e-14);
        assertEquals(0.5 * 0.1 * 91, Losses.l2(p, 0.1, n -> true).item(), 1e-14);
        GradCheck.check(q -> Losses.l2(q, 0.3), p, 1e-7);
    }

    @Test
    void accuracyCountsArgmaxHits() {
        Tensor z = Tensor.of(new double[][] {{1, 0}, {0, 1}, {3, 2}});
        assertEquals(2.0 / 3, Losses.accuracy(z, new int[] {0, 1, 1}), 1e-15);
        assertTrue(Losses.accuracy(z, new int[] {1, 0, 1}) == 0);
    }
}
