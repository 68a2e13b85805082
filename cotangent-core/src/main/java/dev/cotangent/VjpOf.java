package dev.cotangent;

import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The value y = f(x) of reverse mode on a function of trees and its pullback, which takes a cotangent of y's
 * structure and shapes and gives one of x's. The pullback replays the recorded tape and may be called many times.
 */
public final class VjpOf<X, Y> {
    private final Y value;
    private final Function<Y, X> pullback;
    private final LongSupplier savedBytes;

    /** A result of {@code value} with this pullback; made by the transforms (see {@code transform.OnTrees}). */
    public VjpOf(Y value, Function<Y, X> pullback, LongSupplier savedBytes) {
        this.value = value;
        this.pullback = pullback;
        this.savedBytes = savedBytes;
    }

    /** y = f(x). */
    public Y value() {
        return value;
    }

    /** ∂f(x)ᵀȳ, of x's structure, for a cotangent ȳ of y's structure. */
    public X pullback(Y cotangent) {
        return pullback.apply(cotangent);
    }

    /** Bytes of values the recorded tape keeps for the pullback. */
    public long savedBytes() {
        return savedBytes.getAsLong();
    }

    @Override
    public String toString() {
        return "VjpOf(value=" + Printing.tree(value) + ", pullback: cotangent of the value's structure -> one of the "
                + "input's, tape " + savedBytes() + " bytes)";
    }
}
