package dev.cotangent.check;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.Shape;
import java.util.function.Function;

/**
 * Several tensors as one flat vector and back, so that a function of several arguments can be given to the
 * single-input transforms and checks (JAX's {@code ravel_pytree}). Both directions are written with ops
 * (reshape, concat, slice), so they are differentiable: a transform of the packed function sees every argument
 * as a tracer of the same trace.
 */
public final class Packing {
    private Packing() {}

    /** The tensors' elements, each in row-major order, one after the other: a 1-d tensor. */
    public static Tensor pack(Tensor... xs) {
        if (xs.length == 0) return Tensor.zeros(0);
        Tensor[] flat = new Tensor[xs.length];
        for (int i = 0; i < xs.length; i++) flat[i] = Ops.reshape(xs[i], xs[i].size());
        return Ops.concat(0, flat);
    }

    /** The inverse of {@link #pack}: a 1-d tensor cut into tensors of the given shapes. */
    public static Tensor[] unpack(Tensor flat, Shape... shapes) {
        int total = 0;
        for (Shape s : shapes) total += s.size();
        if (flat.rank() != 1 || flat.size() != total) {
            throw new IllegalArgumentException("unpack: a tensor of shape " + flat.dims() + " cannot hold " + total
                    + " elements of " + shapes.length + " tensors; give the 1-d tensor that pack made");
        }
        Tensor[] out = new Tensor[shapes.length];
        int off = 0;
        for (int i = 0; i < shapes.length; i++) {
            int n = shapes[i].size();
            out[i] = Ops.reshape(Ops.slice(flat, 0, off, off + n), shapes[i].dims());
            off += n;
        }
        return out;
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
}
