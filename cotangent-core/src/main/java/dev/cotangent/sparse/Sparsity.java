package dev.cotangent.sparse;

import dev.cotangent.Tensor;
import dev.cotangent.graph.Graph;
import dev.cotangent.tensor.Shape;
import dev.cotangent.trace.ValueDependenceException;
import dev.cotangent.transform.Stage;
import java.util.function.Function;

/**
 * Sparsity patterns of Jacobians and Hessians, detected from staged graphs without computing a derivative.
 *
 * <p>Jacobian: f is staged on shapes alone, and for every output element the set of input elements it depends on
 * is carried through the graph's nodes, one rule per primitive ({@link DependencyRules}). The pattern is a
 * superset of the non-zeros of ∂f(x) at every x; it is exact for programs without value-dependent zeros, and
 * more than exact where a derivative vanishes because of a value (max picks one element; relu' = 0 below 0).
 *
 * <p>Hessian: the Hessian of f is the Jacobian of ∇f, so its pattern is the Jacobian pattern of the staged
 * gradient program (f's forward ops followed by the ops of their VJP rules), made symmetric. This is the
 * "gradient graph" method, not a propagation of second-order interactions: it needs no second rule per
 * primitive, and it sees what the gradient program really computes (x·y gives ∂²/∂x∂y but no ∂²/∂x², because
 * the gradient (y, x) does not depend on x in its first element).
 *
 * <p>A function whose Java control flow reads values cannot be staged: its pattern must be given
 * ({@link Pattern#of}). Sets larger than {@link Dependencies#BUDGET} ints give the dense pattern.
 */
public final class Sparsity {
    private Sparsity() {}

    /** The Jacobian pattern of f at inputs of this shape: rows are f's output elements, columns x's (row-major). */
    public static Pattern jacobian(Function<Tensor, Tensor> f, Shape in) {
        return jacobian(stage("sparsity", f, in));
    }

    /** The Jacobian pattern of a graph with one input and one output (elements in row-major order). */
    public static Pattern jacobian(Graph g) {
        int n = g.inputs().get(0).shape().size();
        int m = g.byId()[g.outputs().get(0)].shape().size();
        int[][] rows = Dependencies.of(g);
        return rows == null ? Pattern.dense(m, n) : Pattern.of(m, n, rows);
    }

    /** The Hessian pattern of a scalar f at inputs of this shape, from its staged gradient; symmetric. */
    public static Pattern hessian(Function<Tensor, Tensor> f, Shape in) {
        return jacobian(stage("sparsity", x -> Derivatives.gradient("sparseHessian", f, x), in)).symmetric();
    }

    /** f staged for one input of shape {@code in}; a function that reads values is refused with advice. */
    static Graph stage(String transform, Function<Tensor, Tensor> f, Shape in) {
        try {
            return Stage.stage(a -> new Tensor[] {f.apply(a[0])}, in);
        } catch (ValueDependenceException e) {
            throw new IllegalArgumentException(transform + ": the function reads values (Java control flow on "
                    + "item() or value()), so its sparsity cannot be detected from a staged graph; give the pattern "
                    + "instead: SparseOptions.defaults().pattern(Pattern.of(...))", e);
        }
    }
}
