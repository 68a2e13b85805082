package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The BLAS thread settings on the public API take effect on the next product. */
class ConfigThreadsTest {

    @Test
    void theSettingsDecideTheThreadsOfTheNextProduct() {
        int max = Config.blasThreads();
        long from = Config.blasParallelFrom();
        boolean aware = Config.blasLoadAware();
        Tensor a = Tensor.ones(64, 64);
        try {
            Config.setBlasLoadAware(false);
            Config.setBlasThreads(2);
            Config.setBlasParallelFrom(0);
            a.matmul(a);
            assertEquals(2, Config.blasThreadsOfLastCall(), "threshold 0, at most 2 threads");
            Config.setBlasParallelFrom(64L * 64 * 64 + 1);
            a.matmul(a);
            assertEquals(1, Config.blasThreadsOfLastCall(), "a product below the threshold");
            Config.setBlasParallelFrom(64L * 64 * 64);
            a.matmul(a);
            assertEquals(2, Config.blasThreadsOfLastCall(), "a product at the threshold");
            Config.setBlasThreads(1);
            a.matmul(a);
            assertEquals(1, Config.blasThreadsOfLastCall(), "at most 1 thread");
            assertEquals(64.0, a.matmul(a).max().item(), "the product itself");
        } finally {
            Config.setBlasThreads(max);
            Config.setBlasParallelFrom(from);
            Config.setBlasLoadAware(aware);
        }
    }

    @Test
    void badSettingsAreRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Config.setBlasParallelFrom(-1));
        assertTrue(e.getMessage().contains("setBlasParallelFrom: -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Config.setBlasThreads(0));
        assertTrue(e.getMessage().contains("setBlasThreads: 0"), e.getMessage());
    }
}
