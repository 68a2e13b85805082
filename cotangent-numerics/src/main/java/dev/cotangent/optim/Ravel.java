package dev.cotangent.optim;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named parameter tree ({@code Map<String, Tensor>}, iteration order) seen as one flat vector and back (JAX's
 * {@code ravel_pytree}): what the methods of this module that work on R^n (L-BFGS, Newton, the estimators) need
 * to accept a model's weights. cotangent-nn's {@code Params.flatten}/{@code unflatten} are these methods. When
 * core gains its tree utilities this class should delegate to them.
 */
public final class Ravel {
    private Ravel() {}

    /** The number of scalars in the tree. */
    public static int count(Map<String, Tensor> tree) {
        int n = 0;
        for (Tensor t : tree.values()) n += t.size();
        return n;
    }

    /** All numbers in one vector, tensors in iteration order, each row-major. */
    public static double[] flatten(Map<String, Tensor> tree) {
        double[] flat = new double[count(tree)];
        int o = 0;
        for (Tensor t : tree.values()) {
            double[] d = t.value().unsafeData();
            System.arraycopy(d, 0, flat, o, d.length);
            o += d.length;
        }
        return flat;
    }

    /** The inverse of {@link #flatten}: {@code flat} cut into the names and shapes of {@code template}. */
    public static Map<String, Tensor> unflatten(double[] flat, Map<String, Tensor> template) {
        if (flat.length != count(template)) {
            throw new IllegalArgumentException("unflatten: " + flat.length + " numbers for a tree of "
                    + count(template) + " parameters");
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        int o = 0;
        for (Map.Entry<String, Tensor> e : template.entrySet()) {
            Shape s = e.getValue().dims();
            double[] d = new double[s.size()];
            System.arraycopy(flat, o, d, 0, d.length);
            o += d.length;
            m.put(e.getKey(), Tensor.from(NDArray.wrap(s, d)));
        }
        return m;
    }

    /**
     * The differentiable inverse of {@link #flatten}: a 1-d tensor (possibly a tracer) cut with slices and
     * reshapes into the names and shapes of {@code template}. Lets a function of a tree be seen as a function
     * of one vector, e.g. for {@link dev.cotangent.AD#hessian} or {@link dev.cotangent.AD#hvp}.
     */
    public static Map<String, Tensor> unflatten(Tensor flat, Map<String, Tensor> template) {
        if (flat.rank() != 1 || flat.size() != count(template)) {
            throw new IllegalArgumentException("unflatten: a tensor of shape " + flat.dims() + " for a tree of "
                    + count(template) + " parameters; give a 1-d tensor of that length");
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        int o = 0;
        for (Map.Entry<String, Tensor> e : template.entrySet()) {
            int n = e.getValue().size();
            Tensor piece = template.size() == 1 ? flat : Ops.slice(flat, 0, o, o + n);
            m.put(e.getKey(), Ops.reshape(piece, e.getValue().shape()));
            o += n;
        }
        return m;
    }
}
