package dev.cotangent;

import dev.cotangent.custom.Checkpoint;
import dev.cotangent.custom.Leapfrog;
import dev.cotangent.custom.Scan;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Long loops with the memory of reverse mode under the user's control: {@link #scan} with a {@link Checkpoints}
 * schedule, and {@link #leapfrog}, a reversible loop whose backward sweep runs the steps backwards instead of
 * storing them. Both are differentiable in every mode and nest with the other transforms.
 */
public final class Loop {
    private Loop() {}

    /**
     * x_{k+1} = step(x_k, θ) for k = 0 … steps−1; returns x_steps. Differentiable in x₀ and θ (forward, reverse,
     * nested, under vmap). The schedule decides what reverse mode keeps: every state ({@link Checkpoints#all()}),
     * every k-th ({@link Checkpoints#every(int)}), or at most s at once ({@link Checkpoints#binomial(int)}). A step
     * must return a state of x₀'s shape; one that does not is an error naming the step index and the shapes.
     */
    public static Tensor scan(BiFunction<Tensor, Tensor, Tensor> step, Tensor x0, Tensor theta, int steps,
                              Checkpoints policy) {
        if (steps < 0) throw new IllegalArgumentException("scan: " + steps + " steps; give 0 or more");
        if (x0 == null || theta == null || step == null || policy == null) {
            throw new IllegalArgumentException("scan: step, x0, theta and policy must not be null");
        }
        switch (policy.kind()) {
            case ALL:
                return Scan.run(step, x0, theta, 0, steps);
            case EVERY: {
                Tensor x = x0;
                int k = policy.parameter();
                for (int first = 0; first < steps; first += k) {
                    int from = first;
                    int count = Math.min(k, steps - first);
                    Function<Tensor[], Tensor> segment = Checkpoint.of(xs -> Scan.run(step, xs[0], xs[1], from, count));
                    x = segment.apply(new Tensor[] {x, theta});
                }
                return x;
            }
            default:
                return steps == 0 ? x0 : Scan.binomial(step, x0, theta, steps, policy.parameter());
        }
    }

    /**
     * The leapfrog (Störmer–Verlet) loop: x_{k+1} = x_k + τ u(y_k, θ); y_{k+1} = y_k + τ v(x_{k+1}, θ) for
     * k = 0 … steps−1; returns {x_K, y_K}. The backward sweep runs the steps backwards
     * (y_k = y_{k+1} − τ v(x_{k+1}, θ), x_k = x_{k+1} − τ u(y_k, θ)) instead of storing states: memory independent
     * of K. Reversal amplifies rounding errors in chaotic systems or with a large τ; the sweep checks that it
     * returns to (x₀, y₀) and throws {@link ArithmeticException} if not (then use the overload with
     * {@code storeEvery}).
     */
    public static Tensor[] leapfrog(BiFunction<Tensor, Tensor, Tensor> u, BiFunction<Tensor, Tensor, Tensor> v,
                                    Tensor x0, Tensor y0, Tensor theta, double tau, int steps) {
        return Leapfrog.of(u, v, x0, y0, theta, tau, steps, 0);
    }

    /**
     * {@link #leapfrog} whose backward sweep first recomputes the trajectory keeping every {@code storeEvery}-th
     * state and restarts the reversal from each of them, which bounds the drift of reversal for K/storeEvery stored
     * states and one more forward pass.
     */
    public static Tensor[] leapfrog(BiFunction<Tensor, Tensor, Tensor> u, BiFunction<Tensor, Tensor, Tensor> v,
                                    Tensor x0, Tensor y0, Tensor theta, double tau, int steps, int storeEvery) {
        return Leapfrog.of(u, v, x0, y0, theta, tau, steps, storeEvery);
    }
}
