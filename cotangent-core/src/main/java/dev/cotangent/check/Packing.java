package dev.cotangent.check;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.Shape;
import dev.cotangent.tree.Layout;
import dev.cotangent.tree.TreeDef;
import dev.cotangent.tree.Trees;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * Several tensors as one flat vector and back, so that a function of several arguments can be given to the
 * single-input transforms and checks: the {@code Tensor[]} case of {@link Trees#ravel} and {@link Layout#unravel}
 * (JAX's {@code ravel_pytree}). Both directions are written with ops (reshape, concat, slice), so they are
 * differentiable: a transform of the packed function sees every argument as a tracer of the same trace.
 */
public final class Packing {
    private static final Tensor PLACEHOLDER = Tensor.scalar(0);

    private Packing() {}

    /** The tensors' elements, each in row-major order, one after the other: a 1-d tensor. */
    public static Tensor pack(Tensor... xs) {
        for (Tensor x : xs) Objects.requireNonNull(x, "pack: a tensor is null");
        return Trees.ravel(xs).flat();
    }

    /** The inverse of {@link #pack}: a 1-d tensor cut into tensors of the given shapes. */
    public static Tensor[] unpack(Tensor flat, Shape... shapes) {
        Layout layout = new Layout(arrayOf(shapes.length), Arrays.asList(shapes));
        int total = layout.size();
        if (flat.rank() != 1 || flat.size() != total) {
            throw new IllegalArgumentException("unpack: a tensor of shape " + flat.dims() + " cannot hold " + total
                    + " elements of " + shapes.length + " tensors; give the 1-d tensor that pack made");
        }
        return layout.unravel(flat);
    }

    /** The shapes of the given tensors, for {@link #unpack}. */
    public static Shape[] shapes(Tensor... xs) {
        Shape[] s = new Shape[xs.length];
        for (int i = 0; i < xs.length; i++) s[i] = xs[i].dims();
        return s;
    }

    /** {@code f} as a function of the packed vector of arguments of the given shapes. */
    public static Function<Tensor, Tensor> packed(Function<Tensor[], Tensor> f, Shape... shapes) {
        Shape[] s = shapes.clone();
        return flat -> f.apply(unpack(flat, s));
    }

    /** The structure of a {@code Tensor[]} of n leaves (a TreeDef holds no shapes, so one placeholder serves). */
    private static TreeDef arrayOf(int n) {
        Tensor[] placeholders = new Tensor[n];
        Arrays.fill(placeholders, PLACEHOLDER);
        return Trees.structure(placeholders);
    }
}
