package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;

/**
 * A primitive whose operands' cotangents are matrix products op(a)·op(b) (matmul: for C = AB, Ā = C̄Bᵀ and
 * B̄ = AᵀC̄). Its VJP rule forms them as ops; the reverse sweep may instead add such a product into a cotangent sum
 * it owns with one GEMM of β = 1, when every value is concrete (see {@code dev.cotangent.trace.Cotangents}), which
 * is why the product is spelled out here once, for both to use.
 */
public interface ProductCotangents {
    /**
     * The product whose value is operand {@code i}'s cotangent for the result cotangent {@code g} at
     * {@code primals}, before it is summed over broadcast batch axes.
     */
    Product cotangentProduct(int i, Tensor g, Tensor[] primals);

    /**
     * A matrix product op(a)·op(b) not yet computed: one operand's cotangent.
     *
     * @param a the left factor
     * @param b the right factor
     * @param transA whether op(a) is aᵀ
     * @param transB whether op(b) is bᵀ
     */
    record Product(Tensor a, Tensor b, boolean transA, boolean transB) {
        /** The product as an op (recorded by every enclosing transform). */
        public Tensor apply() {
            return Ops.matmul(a, b, transA, transB);
        }
    }
}
