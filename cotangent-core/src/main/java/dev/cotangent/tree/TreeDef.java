package dev.cotangent.tree;

import dev.cotangent.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The structure of a tree without its leaves: which containers hold what, the static data, and where each leaf
 * goes; immutable, with value equality, printed as {@code {W: *, b: [*, *]}} where {@code *} is a leaf.
 *
 * <p>Obtain one with {@link Trees#structure} or {@link Trees#flatten}; {@link #unflatten} puts leaves back.
 * Two trees have equal TreeDefs when they have the same containers in the same order (the same array component
 * types and record classes, the same map keys in the same order) and equal static data; the shapes of the leaves
 * are not part of it (see {@link Layout} for that).
 */
public final class TreeDef {
    private final Node root;
    private final int leafCount;

    TreeDef(Node root) {
        this.root = root;
        this.leafCount = root.leafCount();
    }

    /** The number of leaves a tree of this structure has. */
    public int leafCount() {
        return leafCount;
    }

    /**
     * The path of every leaf, in leaf order, as messages write it: {@code root} for a lone tensor,
     * {@code root.w} for a record component or a map key, {@code root[2]} for a list or array element,
     * {@code root["a key"]} for a map key that is not a Java name.
     */
    public List<String> leafPaths() {
        List<String> out = new ArrayList<>(leafCount);
        root.paths(Paths.ROOT, out);
        return Collections.unmodifiableList(out);
    }

    /**
     * The tree of this structure with the given leaves, in order. Lists come back as unmodifiable Lists, maps as
     * unmodifiable Maps of the same key order, arrays and records of their own classes (records through their
     * canonical constructor), static data as it was.
     *
     * <p>The result is typed for the caller's convenience ({@code Params p = def.unflatten(leaves)}); the type is
     * not checked, so assigning it to a type it is not (say {@code ArrayList}) throws ClassCastException there.
     *
     * @throws IllegalArgumentException if the number of leaves is not {@link #leafCount()} or a leaf is null
     */
    @SuppressWarnings("unchecked")
    public <T> T unflatten(List<? extends Tensor> leaves) {
        if (leaves.size() != leafCount) {
            throw new IllegalArgumentException("unflatten: " + this + " has " + leafCount + " leaves, but "
                    + leaves.size() + " were given");
        }
        for (int i = 0; i < leaves.size(); i++) {
            if (leaves.get(i) == null) {
                throw new IllegalArgumentException("unflatten: leaf " + i + " (" + leafPaths().get(i) + ") of "
                        + this + " is null; every leaf must be a Tensor");
            }
        }
        List<Tensor> copy = List.copyOf(leaves);
        return (T) root.build(copy.iterator());
    }

    /** {@link #unflatten(List)} with the leaves as arguments. */
    public <T> T unflatten(Tensor... leaves) {
        return unflatten(Arrays.asList(leaves));
    }

    /** The text of this structure with leaf i printed as {@code leaf.apply(i)}, for {@link Layout}. */
    String render(java.util.function.IntFunction<String> leaf) {
        StringBuilder sb = new StringBuilder();
        root.render(sb, 0, leaf);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeDef d && d.root.equals(root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    /**
     * As the tree would be written with {@code *} for each leaf: {@code {W: *, b: [*, *]}} for a map,
     * {@code [*, *]} for a list, {@code Tensor[]{*, *}} for an array, {@code Dense(w: *, act: "relu")} for a
     * record with static data.
     */
    @Override
    public String toString() {
        return render(i -> "*");
    }
}
