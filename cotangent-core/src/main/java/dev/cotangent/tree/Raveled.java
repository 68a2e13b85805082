package dev.cotangent.tree;

import dev.cotangent.Tensor;

/**
 * A tree as one flat 1-d tensor (JAX's {@code ravel_pytree}), with the {@link Layout} that turns such a vector
 * back into the tree.
 *
 * @param flat   every leaf's elements in row-major order, leaf after leaf (a 0-length vector for an empty tree)
 * @param layout the structure and leaf shapes, to {@link Layout#unravel unravel} a vector of this length
 */
public record Raveled(Tensor flat, Layout layout) {
    /** {@link Layout#unravel} of {@code v}: differentiable, so a transform of {@code v -> f(unravel(v))} works. */
    public <T> T unravel(Tensor v) {
        return layout.unravel(v);
    }
}
