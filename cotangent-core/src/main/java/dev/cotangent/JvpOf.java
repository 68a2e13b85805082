package dev.cotangent;

/** The value f(x) and the tangent ∂f(x)·v of forward mode on a function of trees, both of f's result structure. */
public record JvpOf<Y>(Y value, Y tangent) {
    @Override
    public String toString() {
        return "JvpOf(value=" + Printing.tree(value) + ", tangent=" + Printing.tree(tangent) + ")";
    }
}
