package dev.cotangent.graph;

import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Arrays;

/** A constant of a graph: a value fixed when the function was staged (a literal, or a derivative rule's). */
public record Constant(int id, NDArray value) implements Var {
    @Override
    public Shape shape() {
        return value.dims();
    }

    /** Whether this constant is a single number equal to {@code v} bit for bit (so +0 is not −0). */
    public boolean isScalar(double v) {
        return value.size() == 1 && Double.doubleToLongBits(value.unsafeData()[0]) == Double.doubleToLongBits(v);
    }

    /** Whether {@code o} holds the same numbers (bit for bit) in the same shape. */
    public boolean sameValue(Constant o) {
        return value.dims().equals(o.value.dims()) && Arrays.equals(value.unsafeData(), o.value.unsafeData());
    }
}
