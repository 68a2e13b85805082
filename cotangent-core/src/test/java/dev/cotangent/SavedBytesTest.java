package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * VjpResult.savedBytes: what the tape keeps for the backward sweep, counted by hand. Each primitive keeps only the
 * values its VJP rule reads (sin reads x; x·y reads x and y; tanh reads its result; sum and add read shapes only).
 */
class SavedBytesTest {

    @Test
    void oneOpKeepsWhatItsRuleReads() {
        // sin(x) on 10 numbers: its rule reads x (cos x), not sin x
        assertEquals(10 * 8, AD.vjp(x -> x.sin(), Tensor.zeros(10)).savedBytes());
        // tanh's rule reads its result (1 − y²), not x
        assertEquals(10 * 8, AD.vjp(x -> x.tanh(), Tensor.zeros(10)).savedBytes());
        // x + 1 and Σx need shapes only
        assertEquals(0, AD.vjp(x -> x.add(1).sum(), Tensor.zeros(10)).savedBytes());
    }

    @Test
    void anArrayUsedTwiceCountsOnce() {
        // x·x keeps x once (as both operands), not the product
        assertEquals(10 * 8, AD.vjp(x -> x.mul(x), Tensor.zeros(10)).savedBytes());
    }

    @Test
    void aSharedWeightCountsOnceAcrossSteps() {
        // K steps of h = tanh(W h): W (n×n) once; per step the matmul's operand h_k, its result, and tanh's result
        int n = 4;
        int k = 5;
        Tensor h0 = Tensor.ones(n, 1);
        VjpResult r = AD.vjp(w -> {
            Tensor h = h0;
            for (int i = 0; i < k; i++) h = w.matmul(h).tanh();
            return h.sum();
        }, Tensor.full(0.1, n, n));
        // matmul reads W and h_k, tanh reads h_{k+1} (which is the next matmul's h), the sum reads nothing:
        // W, h0 and one vector per step, as PyTorch keeps
        long want = 8L * (n * n + n + k * n);
        assertEquals(want, r.savedBytes());
    }
}
