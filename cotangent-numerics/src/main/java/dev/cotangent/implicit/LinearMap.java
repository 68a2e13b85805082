package dev.cotangent.implicit;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.VjpResult;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * A linear map v ↦ A(q)v on tensors of one shape, with parameters q it depends on differentiably: the matrix of a
 * linear solve, given only by its products. {@link #apply} and {@link #applyTransposed} are written with ops, so
 * the derivative rules that use them can be differentiated again; {@link #product} gives the fast concrete products
 * a Krylov method iterates with.
 */
abstract class LinearMap {
    final boolean symmetric;

    LinearMap(boolean symmetric) {
        this.symmetric = symmetric;
    }

    /** A(q)v, with ops; linear in v. */
    abstract Tensor apply(Tensor v, Tensor[] q);

    /** A(q)ᵀw, with ops: the pullback of v ↦ A(q)v (a linear map, so taken at v = 0). */
    Tensor applyTransposed(Tensor w, Tensor[] q) {
        if (symmetric) return apply(w, q);
        return AD.vjp(v -> apply(v, q), Tensor.zeros(w.shape())).pullback(w);
    }

    /** v ↦ A(q)v on concrete values, for a Krylov method; {@code shape} is the shape of v. */
    UnaryOperator<double[]> product(Tensor[] q, Shape shape) {
        return v -> apply(wrap(shape, v), q).toArray();
    }

    /** w ↦ A(q)ᵀw on concrete values: one recorded evaluation of A(q)·0, then one pullback per product. */
    UnaryOperator<double[]> transposedProduct(Tensor[] q, Shape shape) {
        if (symmetric) return product(q, shape);
        VjpResult r = AD.vjp(v -> apply(v, q), Tensor.zeros(shape.dims()));
        return w -> r.pullback(wrap(shape, w)).toArray();
    }

    /** Aᵀ: the same map with its products swapped (this map itself when symmetric). */
    LinearMap transpose() {
        if (symmetric) return this;
        LinearMap a = this;
        return new LinearMap(false) {
            @Override
            Tensor apply(Tensor v, Tensor[] q) {
                return a.applyTransposed(v, q);
            }

            @Override
            Tensor applyTransposed(Tensor w, Tensor[] q) {
                return a.apply(w, q);
            }

            @Override
            UnaryOperator<double[]> product(Tensor[] q, Shape shape) {
                return a.transposedProduct(q, shape);
            }

            @Override
            UnaryOperator<double[]> transposedProduct(Tensor[] q, Shape shape) {
                return a.product(q, shape);
            }

            @Override
            LinearMap transpose() {
                return a;
            }
        };
    }

    /** A concrete tensor holding a copy of {@code v} (the Krylov methods update their arrays in place). */
    static Tensor wrap(Shape shape, double[] v) {
        return Tensor.from(NDArray.wrap(shape, v.clone()));
    }

    /** The user's matvec (v, q) ↦ A(q)v. */
    static LinearMap of(BiFunction<Tensor, Tensor[], Tensor> matvec, boolean symmetric) {
        return new LinearMap(symmetric) {
            @Override
            Tensor apply(Tensor v, Tensor[] q) {
                return matvec.apply(v, q);
            }
        };
    }

    /**
     * ∂F/∂x at q = [x, θ₁, …]: products by forward mode (a JVP of F in x), transposed products by reverse mode
     * (one recorded evaluation of F, pulled back once per product).
     */
    static LinearMap jacobian(BiFunction<Tensor, Tensor[], Tensor> f, boolean symmetric) {
        return new LinearMap(symmetric) {
            @Override
            Tensor apply(Tensor v, Tensor[] q) {
                Tensor[] theta = rest(q);
                return AD.jvp(z -> f.apply(z, theta), q[0], v).tangent();
            }

            @Override
            Tensor applyTransposed(Tensor w, Tensor[] q) {
                if (symmetric) return apply(w, q);
                Tensor[] theta = rest(q);
                return AD.vjp(z -> f.apply(z, theta), q[0]).pullback(w);
            }

            @Override
            UnaryOperator<double[]> transposedProduct(Tensor[] q, Shape shape) {
                if (symmetric) return product(q, shape);
                Tensor[] theta = rest(q);
                VjpResult r = AD.vjp(z -> f.apply(z, theta), q[0]);
                return w -> r.pullback(wrap(shape, w)).toArray();
            }
        };
    }

    static Tensor[] rest(Tensor[] q) {
        return java.util.Arrays.copyOfRange(q, 1, q.length);
    }
}
