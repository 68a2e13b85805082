package dev.cotangent.custom;

import java.util.HashMap;
import java.util.Map;

/**
 * Griewank's binomial checkpointing (revolve): how to reverse K steps of a loop while holding at most s states
 * at once, with the fewest forward steps recomputed. With β(s, t) = C(s + t, s), the number of steps s states
 * can reverse with t sweeps, and t the smallest with β(s, t) ≥ K, the minimum number of recomputed forward
 * steps is t·K − β(s + 1, t − 1) (Griewank and Walther, "Evaluating Derivatives", ch. 12). The s states include
 * the first one, x₀; a step's own evaluation during its reversal (the adjoint step) is not counted.
 *
 * <p>The schedule is recursive: holding x_a, reverse the range [a, b) by advancing to a split point m, keeping
 * x_m, reversing [m, b) with one state fewer, dropping x_m, and reversing [a, m) with all of them. The split is
 * chosen so that the two halves cost exactly the minimum.
 */
public final class Revolve {
    private Revolve() {}

    /** β(s, t) = C(s + t, s), saturating at {@link Long#MAX_VALUE}. */
    public static long beta(int s, int t) {
        if (s < 0 || t < 0) return 0;
        long r = 1;
        for (int i = 1; i <= Math.min(s, t); i++) {
            r = r * (Math.max(s, t) + i) / i;
            if (r < 0 || r > Long.MAX_VALUE / 64) return Long.MAX_VALUE;
        }
        return r;
    }

    /** The minimum number of recomputed forward steps to reverse {@code steps} steps holding {@code s} states. */
    public static long advances(int steps, int s) {
        if (s < 1) throw new IllegalArgumentException("binomial checkpointing: " + s + " states; give 1 or more");
        if (steps <= 1) return 0;
        int t = 1;
        while (beta(s, t) < steps) t++;
        return (long) t * steps - beta(s + 1, t - 1);
    }

    /**
     * Where to split [a, a + length) when {@code s} states are available (the first holds x_a): the number of
     * steps to advance before keeping the next state, 1 ≤ m &lt; length, such that
     * m + advances(length − m, s − 1) + advances(m, s) = advances(length, s).
     */
    public static int split(int length, int s) {
        long best = advances(length, s);
        // first the candidates of the classical bound m ≤ β(s, t − 1) (t the sweeps needed), largest first; then,
        // should none of them be optimal, all the others: whichever m is returned, it is checked to be optimal
        int t = 1;
        while (beta(s, t) < length) t++;
        int hi = (int) Math.min(length - 1L, beta(s, t - 1));
        for (int m = hi; m >= 1; m--) {
            if (m + advances(length - m, s - 1) + advances(m, s) == best) return m;
        }
        for (int m = length - 1; m > hi; m--) {
            if (m + advances(length - m, s - 1) + advances(m, s) == best) return m;
        }
        throw new IllegalStateException("revolve: no optimal split of " + length + " steps with " + s + " states");
    }

    /** A loop's states and adjoint steps as {@link #reverse} uses them: tensors, or arrays run by compiled programs. */
    interface Steps<T> {
        /** x_{first + count}, computed from x_first. */
        T advance(T x, int first, int count);

        /** x̄_k from x_k and x̄_{k+1}; adds step k's share of θ̄ to the implementation's own sum. */
        T adjoint(T xk, int k, T ct);
    }

    /** Holding x_a, reverses steps [a, b) with s states (x_a's included); returns x̄_a given x̄_b. */
    static <T> T reverse(Steps<T> loop, T xa, int a, int b, int s, T ctB) {
        return reverse(loop, xa, a, b, s, ctB, new HashMap<>());
    }

    /** {@link #reverse}, remembering each split it computed (the recursion asks for the same ones many times). */
    private static <T> T reverse(Steps<T> loop, T xa, int a, int b, int s, T ctB, Map<Long, Integer> splits) {
        int length = b - a;
        if (length == 0) return ctB;
        if (length == 1) return loop.adjoint(xa, a, ctB);
        if (s == 1) {
            T ct = ctB;
            for (int k = b - 1; k >= a; k--) ct = loop.adjoint(loop.advance(xa, a, k - a), k, ct);
            return ct;
        }
        int m = splits.computeIfAbsent(((long) length << 32) | s, key -> split(length, s));
        T xm = loop.advance(xa, a, m);
        T ctM = reverse(loop, xm, a + m, b, s - 1, ctB, splits);
        return reverse(loop, xa, a, a + m, s, ctM, splits);
    }
}
