package dev.cotangent;

/**
 * A scalar value f(θ), its gradient (a tree of θ's structure and shapes) and the auxiliary results f returned
 * beside it, from one forward and one backward pass ({@link AD#valueAndGradWithAux}).
 *
 * @param <G> the parameters' (and so the gradient's) type
 * @param <A> the auxiliary results' type
 */
public record ValueAndGradAux<G, A>(Tensor value, G grad, A aux) {
    @Override
    public String toString() {
        return "ValueAndGradAux(value=" + value + ", grad=" + Printing.tree(grad) + ", aux=" + Printing.tree(aux) + ")";
    }
}
