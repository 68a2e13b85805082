package dev.cotangent.sparse;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The cheapest order to multiply the Jacobian chain of f = f_{N−1} ∘ … ∘ f₁, where f_k: R^{n_k} → R^{n_{k+1}} has
 * the Jacobian A_k (n_{k+1} × n_k) and ∂f = A_{N−1} ⋯ A₁ (the lecture's chain). Multiplying an m×p matrix by a p×q
 * one costs m·p·q multiply–adds; forward mode is the order A_{N−1}(⋯(A₂A₁)), costing n₁·Σ_{k=2}^{N−1} n_k n_{k+1},
 * reverse mode is ((A_{N−1}A_{N−2})⋯)A₁, costing n_N·Σ_{k=1}^{N−2} n_k n_{k+1}, and the matrix-chain dynamic
 * program finds the cheapest of all the orders, those two included: c(i, j) = min_k c(i, k) + c(k+1, j) +
 * n_{j+1} n_{k+1} n_i, in O(N³). The model counts the products only: forming each A_k is the same work in every
 * order, and is left out as in the lecture.
 */
public final class ChainPlan {
    private final int[] sizes;
    private final long[][] cost;
    private final int[][] split;

    /** One product of the plan: the stages first..last (A_last ⋯ A_first), split after stage {@code split}. */
    public record Step(int first, int split, int last, long rows, long inner, long columns) {
        /** rows · inner · columns multiply–adds. */
        public long cost() {
            return rows * inner * columns;
        }
    }

    private ChainPlan(int[] sizes) {
        this.sizes = sizes;
        int m = sizes.length - 1;
        cost = new long[m][m];
        split = new int[m][m];
        for (int len = 2; len <= m; len++) {
            for (int i = 0; i + len - 1 < m; i++) {
                int j = i + len - 1;
                cost[i][j] = Long.MAX_VALUE;
                for (int k = i; k < j; k++) {
                    long c = cost[i][k] + cost[k + 1][j] + (long) sizes[j + 1] * sizes[k + 1] * sizes[i];
                    if (c < cost[i][j]) {
                        cost[i][j] = c;
                        split[i][j] = k;
                    }
                }
            }
        }
    }

    /** The plan for a chain through spaces of these sizes n₁, …, n_N (at least two: one stage). */
    public static ChainPlan of(int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("ChainPlan: " + sizes.length + " size(s); a chain of N−1 stages has N "
                    + "sizes n₁ … n_N, at least two");
        }
        for (int s : sizes) if (s < 0) throw new IllegalArgumentException("ChainPlan: a negative size " + s);
        return new ChainPlan(sizes.clone());
    }

    /** The sizes n₁, …, n_N. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** The number of stages (of Jacobians A_k). */
    public int stages() {
        return sizes.length - 1;
    }

    /** Multiply–adds of the cheapest order. */
    public long cost() {
        return cost[0][stages() - 1];
    }

    /** Multiply–adds of forward mode's order A_{N−1}(⋯(A₂A₁)): n₁·Σ_{k=2}^{N−1} n_k n_{k+1}. */
    public long forwardCost() {
        long s = 0;
        for (int k = 1; k < stages(); k++) s += (long) sizes[k] * sizes[k + 1];
        return (long) sizes[0] * s;
    }

    /** Multiply–adds of reverse mode's order ((A_{N−1}A_{N−2})⋯)A₁: n_N·Σ_{k=1}^{N−2} n_k n_{k+1}. */
    public long reverseCost() {
        long s = 0;
        for (int k = 0; k < stages() - 1; k++) s += (long) sizes[k] * sizes[k + 1];
        return (long) sizes[sizes.length - 1] * s;
    }

    /** The cheapest order written out, e.g. {@code (A4 A3)(A2 A1)}. */
    public String order() {
        return order(0, stages() - 1, true);
    }

    private String order(int i, int j, boolean outer) {
        if (i == j) return "A" + (i + 1);
        String s = order(split[i][j] + 1, j, false) + " " + order(i, split[i][j], false);
        return outer ? s : "(" + s + ")";
    }

    /** The products in the order they are made (operands before the product that uses them). */
    public List<Step> steps() {
        List<Step> out = new ArrayList<>();
        if (stages() > 1) steps(0, stages() - 1, out);
        return Collections.unmodifiableList(out);
    }

    private void steps(int i, int j, List<Step> out) {
        if (i == j) return;
        int k = split[i][j];
        steps(i, k, out);
        steps(k + 1, j, out);
        out.add(new Step(i, k, j, sizes[j + 1], sizes[k + 1], sizes[i]));
    }

    /** The product A_{N−1} ⋯ A₁ of the given Jacobians ([n_{k+1}, n_k] each), multiplied in this plan's order. */
    public Tensor multiply(List<Tensor> jacobians) {
        if (jacobians.size() != stages()) {
            throw new IllegalArgumentException("ChainPlan.multiply: " + jacobians.size() + " Jacobians for a chain of "
                    + stages() + " stages");
        }
        for (int k = 0; k < stages(); k++) {
            int[] s = jacobians.get(k).shape();
            if (s.length != 2 || s[0] != sizes[k + 1] || s[1] != sizes[k]) {
                throw new IllegalArgumentException("ChainPlan.multiply: A" + (k + 1) + " has shape "
                        + jacobians.get(k).dims() + ", the plan needs [" + sizes[k + 1] + ", " + sizes[k] + "]");
            }
        }
        return multiply(jacobians, 0, stages() - 1);
    }

    private Tensor multiply(List<Tensor> a, int i, int j) {
        if (i == j) return a.get(i);
        int k = split[i][j];
        return Ops.matmul(multiply(a, k + 1, j), multiply(a, i, k));
    }

    /** The plan as the lecture counts it: the sizes, and the cost of the planned, forward and reverse orders. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("chain R^" + sizes[0]);
        for (int k = 1; k < sizes.length; k++) sb.append(" → R^").append(sizes[k]);
        return sb.append(": planned ").append(order()).append(" = ").append(cost()).append(" multiply–adds; forward ")
                .append(forwardCost()).append(", reverse ").append(reverseCost()).toString();
    }
}
