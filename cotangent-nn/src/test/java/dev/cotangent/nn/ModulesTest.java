package dev.cotangent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every module's gradient (by AD over its parameter tree) agrees with finite differences; names and shapes. */
class ModulesTest {
    private static final SplittableRandom DATA = new SplittableRandom(99);
    private static final Tensor X = Tensor.from(NDArray.normal(DATA, 0, 1, 5, 4));
    private static final int[] LABELS = {0, 2, 1, 2, 0};

    @Test
    void linearGradientMatchesFiniteDifferences() {
        Linear m = new Linear(4, 3, Init.XAVIER);
        Map<String, Tensor> p = m.init(1);
        p.put("b", Tensor.of(0.1, -0.2, 0.3));
        assertEquals(List.of("w", "b"), List.copyOf(p.keySet()));
        GradCheck.check(q -> Losses.softmaxCrossEntropy(m.apply(q, X), LABELS), p, 1e-6);
    }

    @Test
    void mlpGradientMatchesFiniteDifferences() {
        for (Activation a : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.SOFTPLUS}) {
            MLP m = new MLP(new int[] {4, 6, 5, 3}, a, Activation.IDENTITY);
            Map<String, Tensor> p = m.init(2);
            assertEquals(List.of("layer0.w", "layer0.b", "layer1.w", "layer1.b", "layer2.w", "layer2.b"),
                    List.copyOf(p.keySet()));
            GradCheck.check(q -> Losses.softmaxCrossEntropy(m.apply(q, X), LABELS), p, 1e-6);
        }
    }

    @Test
    void reluMlpGradientMatchesAwayFromKinks() {
        MLP m = new MLP(new int[] {4, 8, 3}, Activation.RELU, Activation.IDENTITY);
        Map<String, Tensor> p = m.init(3);
        // The pre-activations stay away from 0 by far more than the finite-difference step.
        double[] pre = X.matmul(p.get("layer0.w")).add(p.get("layer0.b")).toArray();
        for (double v : pre) assertTrue(Math.abs(v) > 1e-4);
        GradCheck.check(q -> Losses.softmaxCrossEntropy(m.apply(q, X), LABELS), p, 1e-6);
    }

    @Test
    void residualBlockIsTheLectureFormulaAndDifferentiates() {
        ResidualBlock b = new ResidualBlock(4, 6, Activation.TANH);
        Map<String, Tensor> p = b.init(new SplittableRandom(4));
        p.put("b1", Tensor.from(NDArray.normal(new SplittableRandom(5), 0, 0.1, 6)));
        Tensor h = b.apply(p, X);
        Tensor expected = X.add(X.matmul(p.get("theta1")).add(p.get("b1")).tanh().matmul(p.get("theta2")));
        assertArrayEquals(expected.toArray(), h.toArray(), 1e-15);
        Tensor target = Tensor.from(NDArray.normal(new SplittableRandom(6), 0, 1, 5, 4));
        GradCheck.check(q -> Losses.mse(b.apply(q, X), target), p, 1e-6);
    }

    @Test
    void resNetGradientMatchesFiniteDifferences() {
        ResNet m = new ResNet(4, 5, 3, 2, 3, Activation.TANH);
        Map<String, Tensor> p = m.init(7);
        assertTrue(p.containsKey("block1.theta2") && p.containsKey("in.w") && p.containsKey("out.b"));
        GradCheck.check(q -> Losses.softmaxCrossEntropy(m.apply(q, X), LABELS), p, 1e-6);
    }

    @Test
    void elmanCellFollowsItsRecurrenceAndDifferentiatesThroughTime() {
        ElmanCell cell = new ElmanCell(3, 4);
        Map<String, Tensor> p = cell.init(new SplittableRandom(8));
        Tensor seq = Tensor.from(NDArray.normal(new SplittableRandom(9), 0, 1, 2, 5, 3)); // batch 2, 5 steps
        Tensor[] hs = cell.run(p, seq);
        assertEquals(5, hs.length);
        // h_1 = tanh(W·0 + U x_0 + b) for the first example, written out by hand.
        double[] u = p.get("U").toArray();
        double[] x0 = {seq.value().get(0, 0, 0), seq.value().get(0, 0, 1), seq.value().get(0, 0, 2)};
        for (int j = 0; j < 4; j++) {
            double s = 0;
            for (int i = 0; i < 3; i++) s += x0[i] * u[i * 4 + j];
            assertEquals(Math.tanh(s), hs[0].value().get(0, j), 1e-14);
        }
        Elman rnn = new Elman(3, 4, 2);
        Map<String, Tensor> q0 = rnn.init(10);
        assertEquals(List.of("cell.W", "cell.U", "cell.b", "out.w", "out.b"), List.copyOf(q0.keySet()));
        GradCheck.check(q -> Losses.softmaxCrossEntropy(rnn.apply(q, seq), new int[] {1, 0}), q0, 1e-6);
    }

    @Test
    void initIsSeededAndScaled() {
        MLP m = new MLP(new int[] {200, 300, 10}, Activation.RELU, Activation.IDENTITY);
        Map<String, Tensor> a = m.init(42);
        Map<String, Tensor> b = m.init(42);
        assertArrayEquals(Params.flatten(a), Params.flatten(b));
        double[] w = a.get("layer0.w").toArray();
        double var = 0;
        for (double v : w) var += v * v / w.length;
        assertEquals(2.0 / 200, var, 0.05 * 2.0 / 200); // He: Var = 2 / fanIn
        double[] wx = Init.XAVIER.sample(new SplittableRandom(1), 300, 100, 300, 100).toArray();
        double bound = Math.sqrt(6.0 / 400);
        for (double v : wx) assertTrue(Math.abs(v) <= bound);
    }

    @Test
    void missingParameterNamesTheTree() {
        Linear m = new Linear(4, 3, Init.XAVIER);
        var e = assertThrows(IllegalArgumentException.class, () -> m.apply(Params.of("w", Tensor.zeros(4, 3)), X));
        assertTrue(e.getMessage().contains("missing parameter 'b'"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> m.apply(m.init(1), Tensor.zeros(2, 5)));
        assertTrue(e2.getMessage().contains("expected 4"), e2.getMessage());
    }
}
