package dev.cotangent.primitive.linalg;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.Lapack;
import dev.cotangent.kernel.LuFactors;
import dev.cotangent.primitive.Batching;
import dev.cotangent.primitive.Named;
import dev.cotangent.primitive.OneResult;
import dev.cotangent.primitive.Rules;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Map;

/**
 * x with op(A) x = b, by LU with partial pivoting (LAPACK getrf/getrs), for A {@code [..., n, n]} and b
 * {@code [..., n, k]} with batch axes that broadcast as matmul's; op(A) is Aᵀ when {@code transpose} is set. The
 * LU of A is cached ({@link LuCache}), so the rules below, which solve with A again, cost a getrs each:
 * <ul>
 *   <li>JVP: op(A) ẋ = ḃ − op(Ȧ) x, so ẋ = solve(A, ḃ − op(Ȧ) x);</li>
 *   <li>VJP: b̄ = op(A)⁻ᵀ x̄ (the transposed solve with the same factors), and Ā = −b̄ xᵀ (or −x b̄ᵀ for
 *       the transposed system), each summed over the batch axes its operand was broadcast along.</li>
 * </ul>
 * A singular A (an exactly zero pivot) is an {@link ArithmeticException} naming the op, the shape, the matrix of
 * the batch and the pivot.
 */
public final class Solve extends Named implements OneResult {
    private final boolean transpose;

    public Solve(boolean transpose) {
        this.transpose = transpose;
    }

    @Override
    public String name() {
        return "solve";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("transpose", transpose);
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
        LuFactors lu = LuCache.nonsingular(name(), a);
        int[][] idx = LuShapes.pairs(LuShapes.batch(a.dims()), LuShapes.batch(b.dims()), LuShapes.batch(out));
        double[] x = new double[out.size()];
        Lapack.getrs(lu, idx[0], transpose, b.unsafeData(), LuShapes.times(idx[1], n * k), k, x);
        return NDArray.wrap(out, x);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        Tensor rhs = t[1];
        if (t[0] != null) {
            Tensor ax = Ops.matmul(t[0], y, transpose, false);
            rhs = rhs == null ? Ops.neg(ax) : Ops.sub(rhs, ax);
        }
        return Rules.fit(LuRules.solve(x[0], rhs, transpose), y.dims());
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] needed) {
        Tensor bbar = LuRules.solve(x[0], g, !transpose);
        Tensor ga = null;
        if (needed[0]) {
            Tensor outer = transpose ? Ops.matmul(y, bbar, false, true) : Ops.matmul(bbar, y, false, true);
            ga = Rules.unbroadcast(Ops.neg(outer), x[0].dims());
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
