package dev.cotangent.primitive.linalg;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.Lapack;
import dev.cotangent.primitive.Batching;
import dev.cotangent.primitive.Named;
import dev.cotangent.primitive.OneResult;
import dev.cotangent.primitive.Rules;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Map;

/**
 * x with op(T) x = b, where T is the lower (or upper) triangle of A {@code [..., n, n]}, diagonal included, and op
 * the transpose when {@code transpose} is set (BLAS trsm); b {@code [..., n, k]}, batch axes broadcast. Only that
 * triangle of A is read: the other one has no effect on x and gets an exactly zero cotangent. With tri(·) the
 * triangle mask:
 * <ul>
 *   <li>JVP: ẋ = op(T)⁻¹ (ḃ − op(tri(Ȧ)) x);</li>
 *   <li>VJP: b̄ = op(T)⁻ᵀ x̄ (a triangular solve with the other op), Ā = −tri(b̄ xᵀ) (or −tri(x b̄ᵀ)).</li>
 * </ul>
 * An exact zero on T's diagonal (T singular) is an {@link ArithmeticException} naming the op, the shape and the
 * index.
 */
public final class TriangularSolve extends Named implements OneResult {
    private final boolean lower;
    private final boolean transpose;

    public TriangularSolve(boolean lower, boolean transpose) {
        this.lower = lower;
        this.transpose = transpose;
    }

    @Override
    public String name() {
        return "triangular_solve";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("lower", lower, "transpose", transpose);
    }

    @Override
    public Shape shape(Shape... in) {
        if (in.length != 2) throw new IllegalArgumentException(name() + ": takes 2 operands, got " + in.length);
        return LuShapes.solve(name(), in[0], in[1]);
    }

    @Override
    public NDArray apply(NDArray... in) {
        NDArray a = in[0];
        NDArray b = in[1];
        Shape out = shape(a.dims(), b.dims());
        int n = out.dim(-2);
        int k = out.dim(-1);
        Shape batchA = LuShapes.batch(a.dims());
        int[][] idx = LuShapes.pairs(batchA, LuShapes.batch(b.dims()), LuShapes.batch(out));
        double[] x = new double[out.size()];
        int[] zero = Lapack.trsm(a.unsafeData(), LuShapes.times(idx[0], n * n), b.unsafeData(),
                LuShapes.times(idx[1], n * k), n, k, lower, transpose, x);
        if (zero != null) {
            throw new ArithmeticException(name() + ": a of shape " + a.dims() + " is singular"
                    + LuShapes.at(batchA, idx[0][zero[0]]) + ": its " + (lower ? "lower" : "upper")
                    + " triangle has an exact zero on the diagonal at index " + zero[1]);
        }
        return NDArray.wrap(out, x);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        Tensor rhs = t[1];
        if (t[0] != null) {
            Tensor ax = Ops.matmul(LuRules.triangle(t[0], lower), y, transpose, false);
            rhs = rhs == null ? Ops.neg(ax) : Ops.sub(rhs, ax);
        }
        return Rules.fit(LuRules.triangularSolve(x[0], rhs, lower, transpose), y.dims());
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] needed) {
        Tensor bbar = LuRules.triangularSolve(x[0], g, lower, !transpose);
        Tensor ga = null;
        if (needed[0]) {
            Tensor outer = transpose ? Ops.matmul(y, bbar, false, true) : Ops.matmul(bbar, y, false, true);
            ga = Rules.unbroadcast(Ops.neg(LuRules.triangle(outer, lower)), x[0].dims());
        }
        Tensor gb = needed[1] ? Rules.unbroadcast(bbar, x[1].dims()) : null;
        return new Tensor[] {ga, gb};
    }

    /** Batch axes broadcast, so a batched operand only needs size-1 axes to line its batch axes up. */
    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        int r = Math.max(Batching.rank(args[0], batched[0]), Batching.rank(args[1], batched[1]));
        Tensor a = batched[0] ? Batching.toRank(args[0], r) : args[0];
        Tensor b = batched[1] ? Batching.toRank(args[1], r) : args[1];
        return Ops.apply(this, a, b);
    }
}
