package dev.cotangent;

import java.util.function.Function;

/**
 * The value y = f(x) and the JVP at x as a reusable linear function v ↦ ∂f(x)·v ({@link AD#linearize}): f was
 * evaluated once; each {@link #apply} runs only the linear part, as many times as wanted.
 */
public final class Linearized implements Function<Tensor, Tensor> {
    private final Tensor value;
    private final Function<Tensor, Tensor> jvp;
    private final int linearOps;
    private final int[] inputShape;

    Linearized(Tensor x, Tensor value, Function<Tensor, Tensor> jvp, int linearOps) {
        this.inputShape = x.shape();
        this.value = value;
        this.jvp = jvp;
        this.linearOps = linearOps;
    }

    /** y = f(x). */
    public Tensor value() {
        return value;
    }

    /** ∂f(x)·v, of y's shape, for a tangent v of x's shape. */
    @Override
    public Tensor apply(Tensor v) {
        return jvp.apply(v);
    }

    /**
     * The number of operations of the staged linear program that {@link #apply} runs (its constants are the
     * partial derivatives at x); −1 when x was traced by an enclosing transform, and each call runs the JVP again.
     */
    public int linearOps() {
        return linearOps;
    }

    @Override
    public String toString() {
        return "Linearized(value=" + value + ", jvp: " + java.util.Arrays.toString(inputShape) + " -> "
                + Printing.shape(value) + (linearOps < 0 ? "" : ", " + linearOps + " linear operations") + ")";
    }
}
