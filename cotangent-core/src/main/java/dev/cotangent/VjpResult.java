package dev.cotangent;

import java.util.function.Function;

/**
 * The value y = f(x) of a reverse-mode product and its pullback ȳ ↦ ∂f(x)ᵀȳ. The pullback replays the
 * recorded tape and may be called many times (one tape, many cotangents).
 */
public final class VjpResult {
    private final Tensor value;
    private final Function<Tensor, Tensor> pullback;
    private final java.util.function.LongSupplier savedBytes;

    VjpResult(Tensor value, Function<Tensor, Tensor> pullback, java.util.function.LongSupplier savedBytes) {
        this.value = value;
        this.pullback = pullback;
        this.savedBytes = savedBytes;
    }

    /**
     * The memory reverse mode pays: bytes of values the recorded tape keeps for the pullback (distinct arrays
     * among the recorded operands and results).
     */
    public long savedBytes() {
        return savedBytes.getAsLong();
    }

    /** y = f(x). */
    public Tensor value() {
        return value;
    }

    /** ∂f(x)ᵀȳ, of x's shape, for a cotangent ȳ of y's shape. */
    public Tensor pullback(Tensor cotangent) {
        if (!cotangent.dims().equals(value.dims())) {
            throw new IllegalArgumentException("pullback: cotangent of shape " + cotangent.dims()
                    + " for an output of shape " + value.dims() + "; the cotangent must have the output's shape");
        }
        return pullback.apply(cotangent);
    }

    /** {@code VjpResult(value=[...], pullback: cotangent [3] -> the input's shape, tape 72 bytes)}. */
    @Override
    public String toString() {
        return "VjpResult(value=" + value + ", pullback: cotangent " + Printing.shape(value) + " -> the input's shape"
                + ", tape " + savedBytes() + " bytes)";
    }
}
