package dev.cotangent.transform;

import dev.cotangent.JvpOf;
import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGradOf;
import dev.cotangent.VjpOf;
import dev.cotangent.tree.Flattened;
import dev.cotangent.tree.TreeDef;
import dev.cotangent.tree.Trees;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The transforms on functions of trees (arrays, lists, maps, records of tensors): the tree is flattened to its
 * leaves, the transform runs on the leaves, and the results are rebuilt in the function's structure. The bodies
 * of {@code AD}'s tree overloads.
 */
public final class OnTrees {
    private OnTrees() {}

    /** Forward mode: f(x) and ∂f(x)·v in f's result structure; v has x's structure and shapes. */
    public static <X, Y> JvpOf<Y> jvp(Function<X, Y> f, X primals, X tangents) {
        Flattened x = Trees.flatten(primals);
        Flattened v = Trees.flatten(tangents);
        if (!x.def().equals(v.def())) {
            throw new IllegalArgumentException("jvp: the tangents have the structure " + v.def() + " but the primals "
                    + x.def() + "; give a tangent of the same structure and shapes");
        }
        TreeDef[] outDef = new TreeDef[1];
        Jvp.Out r = Jvp.jvp("jvp", flat(f, x.def(), outDef), leaves(x), leaves(v));
        return new JvpOf<>(outDef[0].unflatten(r.primals()), outDef[0].unflatten(r.tangents()));
    }

    /** Reverse mode: f(x) and its pullback from f's result structure to x's. */
    public static <X, Y> VjpOf<X, Y> vjp(Function<X, Y> f, X primals) {
        Flattened x = Trees.flatten(primals);
        TreeDef[] outDef = new TreeDef[1];
        Vjp.Pullback r = Vjp.vjp("vjp", flat(f, x.def(), outDef), leaves(x));
        TreeDef out = outDef[0];
        Y value = out.unflatten(r.values());
        return new VjpOf<>(value, ct -> {
            Flattened c = Trees.flatten(ct);
            if (!c.def().equals(out)) {
                throw new IllegalArgumentException("pullback: the cotangent has the structure " + c.def()
                        + " but the result " + out + "; give a cotangent of the result's structure and shapes");
            }
            return x.def().unflatten(r.pullback(leaves(c)));
        }, r::savedBytes);
    }

    /** A scalar f(θ) and its gradient in θ's structure; {@code requireScalar} checks f's value. */
    public static <T> ValueAndGradOf<T> valueAndGrad(Function<T, Tensor> f, T params,
                                                     Function<Tensor, Tensor> requireScalar) {
        Flattened x = Trees.flatten(params);
        Vjp.Pullback r = Vjp.vjp("grad", a -> new Tensor[] {f.apply(x.def().unflatten(a))}, leaves(x));
        Tensor value = requireScalar.apply(r.values()[0]);
        return new ValueAndGradOf<>(value, x.def().unflatten(r.pullback(Tensor.scalar(1.0))));
    }

    /** f on every example of a batch: each leaf carries a leading batch axis of one common length. */
    public static <X, Y> Y vmap(Function<X, Y> f, X batch) {
        Flattened x = Trees.flatten(batch);
        Tensor[] leaves = leaves(x);
        if (leaves.length == 0) throw new IllegalArgumentException("vmap: the input tree has no tensors to batch");
        int size = -1;
        for (int i = 0; i < leaves.length; i++) {
            Tensor t = leaves[i];
            if (t.rank() == 0 || (size >= 0 && t.dims().dim(0) != size)) {
                throw new IllegalArgumentException("vmap: leaf " + x.def().leafPaths().get(i) + " has shape " + t.dims()
                        + "; every leaf needs a leading batch axis of one common length"
                        + (size >= 0 ? " (" + size + ")" : ""));
            }
            size = t.dims().dim(0);
        }
        boolean[] batched = new boolean[leaves.length];
        Arrays.fill(batched, true);
        TreeDef[] outDef = new TreeDef[1];
        Tensor[] out = Vmap.vmap("vmap", flat(f, x.def(), outDef), leaves, batched, size);
        return outDef[0].unflatten(out);
    }

    /** f as a function of the flat leaves of its input tree; records the structure of its result in outDef[0]. */
    private static <X, Y> Function<Tensor[], Tensor[]> flat(Function<X, Y> f, TreeDef in, TreeDef[] outDef) {
        return a -> {
            Flattened out = Trees.flatten(f.apply(in.unflatten(a)));
            outDef[0] = out.def();
            return leaves(out);
        };
    }

    private static Tensor[] leaves(Flattened f) {
        return f.leaves().toArray(new Tensor[0]);
    }
}
