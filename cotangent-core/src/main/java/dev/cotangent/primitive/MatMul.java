package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Map;

/**
 * Batched matrix product C = op(A)·op(B) over the last two axes (rank ≥ 2, batch axes broadcast), where op
 * transposes when its flag is set, so that the rules need no transposed copies:
 * Ċ = op(Ȧ)op(B) + op(A)op(Ḃ); for C = AB, Ā = C̄Bᵀ and B̄ = AᵀC̄ (the lecture's θᵀ@∇ and ∇@uᵀ), and the
 * transposed forms likewise; each cotangent is summed over the batch axes its operand was broadcast along.
 */
public final class MatMul extends Named implements Bilinear, ProductCotangents {
    private final boolean transA;
    private final boolean transB;

    public MatMul(boolean transA, boolean transB) {
        this.transA = transA;
        this.transB = transB;
    }

    @Override
    public String name() {
        return "matmul";
    }

    @Override
    public Shape shape(Shape... in) {
        Rules.arity(name(), 2, in);
        return Shape.matmul(in[0], in[1], transA, transB);
    }

    @Override
    public NDArray apply(NDArray... in) {
        return NDArray.matmul(in[0], in[1], transA, transB);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] needed) {
        Tensor ga = needed[0] ? Rules.unbroadcast(cotangentProduct(0, g, x).apply(), x[0].dims()) : null;
        Tensor gb = needed[1] ? Rules.unbroadcast(cotangentProduct(1, g, x).apply(), x[1].dims()) : null;
        return new Tensor[] {ga, gb};
    }

    /** For C = AB, Ā = C̄Bᵀ and B̄ = AᵀC̄, with the transposed forms likewise; {@link #vjp} applies it as an op. */
    @Override
    public Product cotangentProduct(int i, Tensor g, Tensor[] x) {
        Tensor a = x[0];
        Tensor b = x[1];
        if (i == 0) {
            return !transA ? (!transB ? new Product(g, b, false, true) : new Product(g, b, false, false))
                           : (!transB ? new Product(b, g, false, true) : new Product(b, g, true, true));
        }
        return !transB ? (!transA ? new Product(a, g, true, false) : new Product(a, g, false, false))
                       : (!transA ? new Product(g, a, true, false) : new Product(g, a, true, true));
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("transA", transA, "transB", transB);
    }

    /**
     * Batch axes of matmul broadcast, so the batched operand only needs size-1 axes to line its per-example batch
     * axes up with the other operand's; then one batched product does every example. When one side is a plain
     * matrix the batch is folded into a single large product instead, which BLAS does far faster than many small
     * ones: [B,m,k]·W is ([B·m,k]·W) reshaped, and A·[B,k,n] is A·[k,B·n] with the batch moved aside; for a batch
     * of vectors (n = 1) it is [B,k]·Aᵀ, which needs no move at all (jacfwd of a matrix-vector product).
     */
    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        Tensor a = args[0];
        Tensor b = args[1];
        if (batched[0] && !batched[1] && !transA && a.rank() == 3 && b.rank() == 2) {
            int m = a.dims().dim(1);
            Tensor c = Ops.matmul(Ops.reshape(a, size * m, a.dims().dim(2)), b, false, transB);
            return Ops.reshape(c, size, m, c.dims().dim(1));
        }
        if (!batched[0] && batched[1] && !transB && a.rank() == 2 && b.rank() == 3 && b.dims().dim(2) == 1) {
            // A·[B,k,1], a batch of vectors: the rows of [B,k]·op(A)ᵀ, in the batch-first layout with no copy
            int k = b.dims().dim(1);
            Tensor c = Ops.matmul(Ops.reshape(b, size, k), a, false, !transA);
            return Ops.reshape(c, size, c.dims().dim(1), 1);
        }
        if (!batched[0] && batched[1] && !transB && a.rank() == 2 && b.rank() == 3) {
            int k = b.dims().dim(1);
            int n = b.dims().dim(2);
            Tensor b2 = Ops.reshape(Ops.permute(b, 1, 0, 2), k, size * n);
            Tensor c = Ops.matmul(a, b2, transA, false);
            return Ops.permute(Ops.reshape(c, c.dims().dim(0), size, n), 1, 0, 2);
        }
        int r = Math.max(Batching.rank(a, batched[0]), Batching.rank(b, batched[1]));
        return Ops.matmul(batched[0] ? Batching.toRank(a, r) : a, batched[1] ? Batching.toRank(b, r) : b, transA, transB);
    }
}
