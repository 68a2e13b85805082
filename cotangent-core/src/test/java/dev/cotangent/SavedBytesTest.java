package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** VjpResult.savedBytes: what the tape keeps for the backward sweep, counted by hand. */
class SavedBytesTest {

    @Test
    void oneOpKeepsItsOperandAndItsResult() {
        // sin(x) on 10 numbers: x and sin(x), 10 doubles each
        assertEquals(2 * 10 * 8, AD.vjp(x -> x.sin(), Tensor.zeros(10)).savedBytes());
    }

    @Test
    void anArrayUsedTwiceCountsOnce() {
        // x·x keeps x once and the product once
        assertEquals(2 * 10 * 8, AD.vjp(x -> x.mul(x), Tensor.zeros(10)).savedBytes());
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
        // arrays: W; h0; per step Wh_k and h_{k+1} = tanh(...) (h_{k+1} is the next step's operand); the sum's result
        long want = 8L * (n * n + n + k * 2 * n + 1);
        assertEquals(want, r.savedBytes());
    }
}
