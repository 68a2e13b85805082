package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** AD.checkpoint: same derivatives as the plain function, in every mode and order, with a smaller tape. */
class CheckpointTest {
    private static final int N = 5;
    private static final int STEPS = 12;
    private static final int SEGMENT = 4;
    private static final Tensor X0 = Tensor.of(0.3, -0.2, 0.5, 0.1, -0.4).reshape(N, 1);

    private static Tensor steps(Tensor x, Tensor w, int k) {
        for (int i = 0; i < k; i++) x = w.matmul(x).tanh();
        return x;
    }

    private static final Function<Tensor, Tensor> PLAIN = w -> steps(X0, w, STEPS).sum();

    private static final Function<Tensor[], Tensor> SEGMENT_FN = xs -> steps(xs[0], xs[1], SEGMENT);

    private static final Function<Tensor, Tensor> CHECKPOINTED = w -> {
        Function<Tensor[], Tensor> seg = AD.checkpoint(SEGMENT_FN);
        Tensor x = X0;
        for (int s = 0; s < STEPS / SEGMENT; s++) x = seg.apply(new Tensor[] {x, w});
        return x.sum();
    };

    private static Tensor weights() {
        double[] d = new double[N * N];
        for (int i = 0; i < d.length; i++) d[i] = 0.4 * Math.sin(1.7 * i + 0.3);
        return Tensor.of(new int[] {N, N}, d);
    }

    @Test
    void gradientEqualsThePlainGradient() {
        Tensor w = weights();
        assertArrayEquals(AD.grad(PLAIN).apply(w).toArray(), AD.grad(CHECKPOINTED).apply(w).toArray(), 1e-14);
        assertArrayEquals(new double[] {PLAIN.apply(w).item()}, new double[] {CHECKPOINTED.apply(w).item()}, 0.0);
    }

    @Test
    void theTapeKeepsOnlyTheSegmentBoundaries() {
        Tensor w = weights();
        long plain = AD.vjp(PLAIN, w).savedBytes();
        long ckpt = AD.vjp(CHECKPOINTED, w).savedBytes();
        // plain: W, x0 and tanh's result at every step; checkpointed: W, x0 and the input of every later segment
        // (a checkpoint's rule reads its operands, not its result)
        assertTrue(plain == 8L * (N * N + N + STEPS * N), "plain tape " + plain);
        assertTrue(ckpt == 8L * (N * N + N + (STEPS / SEGMENT - 1) * N), "checkpointed tape " + ckpt);
    }

    @Test
    void forwardModeHessianAndVmapAgree() {
        Tensor w = weights();
        Tensor v = Tensor.of(new int[] {N, N}, new double[N * N]).add(0.1);
        assertArrayEquals(AD.jvp(PLAIN, w, v).tangent().toArray(), AD.jvp(CHECKPOINTED, w, v).tangent().toArray(), 1e-14);
        assertArrayEquals(AD.hvp(PLAIN, w, v).toArray(), AD.hvp(CHECKPOINTED, w, v).toArray(), 1e-12);
        Tensor ws = Tensor.from(dev.cotangent.tensor.NDArray.stack(0, w.value(), w.value().mul(dev.cotangent.tensor.NDArray.scalar(0.5))));
        assertArrayEquals(AD.vmap(PLAIN).apply(ws).toArray(), AD.vmap(CHECKPOINTED).apply(ws).toArray(), 1e-14);
    }

    @Test
    void aTracedTensorCapturedFromOutsideIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AD.grad((Tensor w) -> {
            Function<Tensor[], Tensor> seg = AD.checkpoint(xs -> xs[0].mul(w));  // w captured, not passed
            return seg.apply(new Tensor[] {Tensor.of(1, 2)}).sum();
        }).apply(Tensor.of(3, 4)));
        assertTrue(e.getMessage().contains("checkpoint") && e.getMessage().contains("argument"), e.getMessage());
    }

    @Test
    void gradientThroughVmapOfACheckpointEqualsThePlainOne() {
        Tensor w = weights();
        Tensor x0s = Tensor.from(dev.cotangent.tensor.NDArray.stack(0, X0.value(), X0.value().mul(dev.cotangent.tensor.NDArray.scalar(-2))));
        Function<Tensor[], Tensor> seg = AD.checkpoint(SEGMENT_FN);
        Function<Tensor, Tensor> plain = ww -> AD.vmap(x -> steps(x, ww, SEGMENT)).apply(x0s).sum();
        Function<Tensor, Tensor> ckpt = ww -> AD.vmap(x -> seg.apply(new Tensor[] {x, ww})).apply(x0s).sum();
        assertArrayEquals(AD.grad(plain).apply(w).toArray(), AD.grad(ckpt).apply(w).toArray(), 1e-14);
        // the outer tape records one batched checkpoint step: it keeps its operands only
        assertTrue(AD.vjp(ckpt, w).savedBytes() < AD.vjp(plain, w).savedBytes());
    }
}
