package dev.cotangent.tree;

import dev.cotangent.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The functions over trees — nested arrays, Lists, {@code Map<String, ?>}s and records whose leaves are
 * {@link Tensor}s (JAX's pytrees): take one apart and put it back, map over its leaves, and ravel it into one
 * vector. See the {@linkplain dev.cotangent.tree package documentation} for what a tree may hold.
 */
public final class Trees {
    private Trees() {}

    /**
     * The leaves of {@code tree} in depth-first order (arrays and lists by index, maps in iteration order, records
     * in component order) and its structure.
     *
     * @throws IllegalArgumentException naming the path and class of anything a tree cannot hold, or of a cycle
     */
    public static Flattened flatten(Object tree) {
        return Flattener.flatten(tree);
    }

    /** The structure of {@code tree}, without its leaves. */
    public static TreeDef structure(Object tree) {
        return flatten(tree).def();
    }

    /** The leaves of {@code tree}, in the order of {@link #flatten}. */
    public static List<Tensor> leaves(Object tree) {
        return flatten(tree).leaves();
    }

    /**
     * A tree of the same structure whose leaves are {@code f} of the leaves of {@code tree}; static data is kept.
     * The result is rebuilt as {@link TreeDef#unflatten} says (lists unmodifiable, ...), typed as the argument.
     */
    public static <T> T map(Function<? super Tensor, ? extends Tensor> f, T tree) {
        Flattened flat = flatten(tree);
        List<Tensor> out = new ArrayList<>(flat.leaves().size());
        for (Tensor t : flat.leaves()) out.add(f.apply(t));
        requireLeaves("map", out, flat.def());
        return flat.def().unflatten(out);
    }

    /**
     * A tree of the structure of {@code a} and {@code b} whose leaves are {@code f} of their leaves pairwise
     * (JAX's {@code tree_map} over two trees): for instance {@code map2((p, g) -> p.sub(g.mul(lr)), params,
     * grads)}. Static data is taken from {@code a}.
     *
     * @throws IllegalArgumentException naming both structures if they differ (static data included)
     */
    public static <T> T map2(BiFunction<? super Tensor, ? super Tensor, ? extends Tensor> f, T a, T b) {
        Flattened fa = flatten(a);
        Flattened fb = flatten(b);
        if (!fa.def().equals(fb.def())) {
            throw new IllegalArgumentException("map2: the trees have different structures: " + fa.def() + " and "
                    + fb.def());
        }
        List<Tensor> out = new ArrayList<>(fa.leaves().size());
        for (int i = 0; i < fa.leaves().size(); i++) out.add(f.apply(fa.leaves().get(i), fb.leaves().get(i)));
        requireLeaves("map2", out, fa.def());
        return fa.def().unflatten(out);
    }

    /**
     * {@code tree} as one 1-d tensor and the layout to unravel it (JAX's {@code ravel_pytree}); differentiable
     * both ways, see {@link Layout}. A tree without leaves gives a 0-length vector.
     */
    public static Raveled ravel(Object tree) {
        Flattened f = flatten(tree);
        return new Raveled(Layout.ravelLeaves(f.leaves()), Layout.of(f));
    }

    /**
     * The values of the leaves of {@code tree}, one after the other in row-major order, as plain numbers (not
     * differentiable); {@code Layout.of(tree).fromDoubles(v)} is the way back.
     */
    public static double[] toDoubles(Object tree) {
        Flattened f = flatten(tree);
        return Layout.doubles(f.leaves(), Layout.of(f).size());
    }

    private static void requireLeaves(String op, List<Tensor> out, TreeDef def) {
        int i = out.indexOf(null);
        if (i >= 0) {
            throw new IllegalArgumentException(op + ": the function returned null for leaf "
                    + def.leafPaths().get(i) + "; it must return a Tensor");
        }
    }
}
