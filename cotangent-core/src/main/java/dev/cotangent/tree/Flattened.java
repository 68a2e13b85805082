package dev.cotangent.tree;

import dev.cotangent.Tensor;
import java.util.List;

/**
 * A tree taken apart: its leaves in depth-first order and its structure; {@code def.unflatten(leaves)} gives the
 * tree back.
 *
 * @param leaves the tensors of the tree, in the order of {@link TreeDef#leafPaths()} (unmodifiable)
 * @param def    the structure without the leaves
 */
public record Flattened(List<Tensor> leaves, TreeDef def) {
    /** Checks that {@code leaves} fills {@code def}, and keeps an unmodifiable copy of it. */
    public Flattened {
        leaves = List.copyOf(leaves);
        if (leaves.size() != def.leafCount()) {
            throw new IllegalArgumentException("Flattened: " + leaves.size() + " leaves for " + def + ", which has "
                    + def.leafCount());
        }
    }
}
