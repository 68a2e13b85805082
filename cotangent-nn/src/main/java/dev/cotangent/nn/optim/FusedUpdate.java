package dev.cotangent.nn.optim;

/**
 * An optimiser's update written as one loop over plain arrays that it overwrites: the parameters' new
 * values go to {@code out} (which may be {@code theta} itself) and the optimiser's state arrays
 * ({@code slots}: none for gradient descent, the velocity for momentum, the two moments for Adam) are updated
 * in place. The results are bit for bit those of the same optimiser's immutable {@link Optimizer#step}.
 *
 * <p>Ownership: the caller must own every array it passes, that is, no {@code Tensor} or {@code NDArray}
 * may wrap {@code out}, {@code theta} (when it is {@code out}) or a slot. Cotangent's arrays are immutable
 * and the core caches off-heap copies of them by identity, so overwriting an array that a tensor wraps would
 * silently change (or silently not change) later results. {@link InPlace} is the safe way to use this with
 * tensors: it owns the state, and writes each step's parameters to a new array ({@link InPlace#start}) or into
 * arrays it owns, after telling the core's caches ({@link InPlace#overwriting}).
 */
public interface FusedUpdate {
    /** The number of state arrays per parameter array. */
    int slots();

    /**
     * Step number {@code step} (0 for the first) for one parameter array: reads {@code theta} and
     * {@code grad}, updates {@code slots} in place and writes the new parameters to {@code out}.
     *
     * @throws IllegalArgumentException if the lengths differ, there are not {@link #slots()} slots, or an
     *         array that is written is also the gradient or another written array
     */
    void update(int step, double[] theta, double[] grad, double[][] slots, double[] out);

    /** Checks the arrays of {@link #update}; the message names {@code op}, the lengths and what to do. */
    static void check(String op, int slots, double[] theta, double[] grad, double[][] state, double[] out) {
        int n = theta.length;
        if (grad.length != n || out.length != n) {
            throw new IllegalArgumentException(op + ": parameters have " + n + " elements, gradient " + grad.length
                    + ", output " + out.length + "; pass arrays of one length");
        }
        if (state.length != slots) {
            throw new IllegalArgumentException(op + ": needs " + slots + " state arrays per parameter, got " + state.length);
        }
        if (grad == out) {
            throw new IllegalArgumentException(op + ": the gradient and the output are one array; write to theta or a new array");
        }
        for (int k = 0; k < slots; k++) {
            double[] s = state[k];
            if (s.length != n) {
                throw new IllegalArgumentException(op + ": state array " + k + " has " + s.length + " elements, parameters " + n);
            }
            boolean shared = s == grad || s == out || s == theta;
            for (int j = 0; j < k; j++) shared |= s == state[j];
            if (shared) {
                throw new IllegalArgumentException(op + ": state array " + k
                        + " is also the gradient, the parameters or another state array; give each its own array");
            }
        }
    }
}
