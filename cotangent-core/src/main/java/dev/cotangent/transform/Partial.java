package dev.cotangent.transform;

import dev.cotangent.Aux;
import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGradAux;
import dev.cotangent.tree.Flattened;
import dev.cotangent.tree.TreeDef;
import dev.cotangent.tree.Trees;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Gradients with respect to some of a function's arguments (JAX's {@code argnums}), and gradients of a function
 * that returns auxiliary results beside its scalar ({@code has_aux}): reverse mode, one forward and one backward
 * pass each.
 */
public final class Partial {
    private Partial() {}

    /**
     * f(x) and its gradients with respect to {@code xs[argnums[0]], xs[argnums[1]], ...} in that order (every
     * argument when {@code argnums} is empty); the other arguments are constants. Returns {value, gradients...}.
     */
    public static Tensor[] valueAndGrad(String transform, Function<Tensor[], Tensor> f, Tensor[] xs, int[] argnums) {
        Results.requireInputs(transform, xs);
        int[] wrt = argnums.length == 0 ? range(xs.length) : argnums.clone();
        boolean[] seen = new boolean[xs.length];
        for (int a : wrt) {
            if (a < 0 || a >= xs.length) {
                throw new IllegalArgumentException(transform + ": argnums " + Arrays.toString(argnums) + " names argument "
                        + a + ", but the function has " + xs.length + " (0 to " + (xs.length - 1) + ")");
            }
            if (seen[a]) {
                throw new IllegalArgumentException(transform + ": argnums " + Arrays.toString(argnums) + " names argument "
                        + a + " twice");
            }
            seen[a] = true;
        }
        Tensor[] chosen = new Tensor[wrt.length];
        for (int i = 0; i < wrt.length; i++) chosen[i] = xs[wrt[i]];
        Vjp.Pullback r = Vjp.vjp(transform, c -> {
            Tensor[] all = xs.clone();
            for (int i = 0; i < wrt.length; i++) all[wrt[i]] = c[i];
            return new Tensor[] {f.apply(all)};
        }, chosen);
        Tensor value = requireScalar(transform, r.values()[0]);
        Tensor[] grads = r.pullback(Tensor.scalar(1.0));
        Tensor[] out = new Tensor[1 + grads.length];
        out[0] = value;
        System.arraycopy(grads, 0, out, 1, grads.length);
        return out;
    }

    /** f's scalar, its gradient with respect to the tree {@code params}, and f's auxiliary results as values. */
    public static <T, A> ValueAndGradAux<T, A> valueAndGradWithAux(String transform, Function<T, Aux<A>> f, T params) {
        Flattened x = Trees.flatten(params);
        TreeDef[] auxDef = new TreeDef[1];
        Vjp.Pullback r = Vjp.vjp(transform, a -> {
            Aux<A> out = f.apply(x.def().unflatten(a));
            if (out == null || out.value() == null) {
                throw new IllegalArgumentException(transform + ": the function returned " + (out == null ? "null" :
                        "an Aux with a null value") + "; return Aux.of(scalar, auxiliary results)");
            }
            Flattened aux = Trees.flatten(out.aux());
            auxDef[0] = aux.def();
            Tensor[] res = new Tensor[1 + aux.leaves().size()];
            res[0] = out.value();
            for (int i = 0; i < aux.leaves().size(); i++) res[i + 1] = aux.leaves().get(i);
            return res;
        }, x.leaves().toArray(new Tensor[0]));
        Tensor[] values = r.values();
        Tensor value = requireScalar(transform, values[0]);
        Tensor[] cotangents = new Tensor[values.length]; // null: the auxiliary results get no cotangent
        cotangents[0] = Tensor.scalar(1.0);
        T grad = x.def().unflatten(r.pullback(cotangents));
        A aux = auxDef[0].unflatten(Arrays.copyOfRange(values, 1, values.length));
        return new ValueAndGradAux<>(value, grad, aux);
    }

    /** The value of a function that grad differentiates must be 0-d; the message says what to use instead. */
    public static Tensor requireScalar(String transform, Tensor value) {
        if (value.rank() != 0) {
            throw new IllegalArgumentException(transform + ": the function returned a tensor of shape " + value.dims()
                    + ", but grad needs a scalar (0-d) output. Reduce it (e.g. .sum() or .mean()), or use AD.vjp for a "
                    + "vector-Jacobian product or AD.jacobian for the full Jacobian.");
        }
        return value;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }
}
