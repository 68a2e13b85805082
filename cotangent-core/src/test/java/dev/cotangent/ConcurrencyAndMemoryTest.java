package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Guards that stay (issue 16, item 8): several threads differentiating shared functions get bitwise the
 * results of one thread, and ten thousand gradient calls leave the heap and native memory flat.
 */
class ConcurrencyAndMemoryTest {
    private static final Tensor W = Tensor.from(dev.cotangent.tensor.NDArray.uniform(new java.util.SplittableRandom(3),
            -1, 1, 40, 30));
    private static final Function<Tensor, Tensor> LOSS = x -> W.matmul(x).tanh().mul(x.sum()).sum().add(x.exp().mean());

    private static double[][] work(Tensor x) {
        Tensor g = AD.grad(LOSS).apply(x);
        Tensor hv = AD.hvp(LOSS, x, x.cos());
        return new double[][] {g.toArray(), hv.toArray()};
    }

    @Test
    void threadsGetBitwiseTheResultsOfOneThread() throws Exception {
        int inputs = 25;
        List<Tensor> xs = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            xs.add(Tensor.from(dev.cotangent.tensor.NDArray.uniform(new java.util.SplittableRandom(i), -0.5, 0.5, 30)));
        }
        List<double[][]> alone = new ArrayList<>();
        for (Tensor x : xs) alone.add(work(x));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[][]>> futures = new ArrayList<>();
            for (int rep = 0; rep < 8; rep++) for (Tensor x : xs) futures.add(pool.submit(() -> work(x)));
            for (int k = 0; k < futures.size(); k++) {
                double[][] got = futures.get(k).get();
                double[][] want = alone.get(k % inputs);
                assertArrayEquals(want[0], got[0], 0, "gradient, call " + k);
                assertArrayEquals(want[1], got[1], 0, "hvp, call " + k);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }

    @Test
    void tenThousandGradientsLeaveMemoryFlat() throws Exception {
        Tensor x = Tensor.from(dev.cotangent.tensor.NDArray.uniform(new java.util.SplittableRandom(1), -0.5, 0.5, 30));
        Function<Tensor, Tensor> g = AD.grad(LOSS);
        for (int i = 0; i < 1000; i++) g.apply(x);
        long heap = heapAfterGc();
        long natives = org.bytedeco.javacpp.Pointer.totalBytes();
        for (int i = 0; i < 9000; i++) g.apply(x);
        long heapGrowth = heapAfterGc() - heap;
        long nativeGrowth = org.bytedeco.javacpp.Pointer.totalBytes() - natives;
        assertTrue(heapGrowth < 8_000_000, "heap grew by " + heapGrowth + " bytes over 9000 gradient calls");
        assertTrue(nativeGrowth < 1_000_000, "native memory grew by " + nativeGrowth + " bytes over 9000 calls");
    }
}
