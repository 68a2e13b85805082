package dev.cotangent.optim;

import dev.cotangent.Tensor;
import dev.cotangent.tree.Layout;
import java.util.Map;

/**
 * A named parameter tree ({@code Map<String, Tensor>}, iteration order) seen as one flat vector and back (JAX's
 * {@code ravel_pytree}): what the methods of this module that work on R^n (L-BFGS, Newton, the estimators) need
 * to accept a model's weights. It is core's {@link Layout} for the map case (cotangent-nn's
 * {@code Params.flatten}/{@code unflatten} call it); the maps it returns are unmodifiable, in the template's
 * order.
 */
public final class Ravel {
    private Ravel() {}

    /** The number of scalars in the tree. */
    public static int count(Map<String, Tensor> tree) {
        return Layout.of(tree).size();
    }

    /** All numbers in one vector, tensors in iteration order, each row-major. */
    public static double[] flatten(Map<String, Tensor> tree) {
        return Layout.of(tree).toDoubles(tree);
    }

    /** The inverse of {@link #flatten}: {@code flat} cut into the names and shapes of {@code template}. */
    public static Map<String, Tensor> unflatten(double[] flat, Map<String, Tensor> template) {
        return Layout.of(template).fromDoubles(flat);
    }

    /**
     * The differentiable inverse of {@link #flatten}: a 1-d tensor (possibly a tracer) cut with slices and
     * reshapes into the names and shapes of {@code template}. Lets a function of a tree be seen as a function
     * of one vector, e.g. for {@link dev.cotangent.AD#hessian} or {@link dev.cotangent.AD#hvp}.
     */
    public static Map<String, Tensor> unflatten(Tensor flat, Map<String, Tensor> template) {
        return Layout.of(template).unravel(flat);
    }
}
