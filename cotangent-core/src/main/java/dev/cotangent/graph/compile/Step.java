package dev.cotangent.graph.compile;

import java.util.List;

/** One step of a compiled program: a fused {@link Kernel} or a {@link Call} of one primitive (matmul to BLAS). */
public sealed interface Step permits Kernel, Call {
    /** The variables this step reads. */
    List<Integer> reads();

    /** The variables this step defines. */
    List<Integer> writes();
}
