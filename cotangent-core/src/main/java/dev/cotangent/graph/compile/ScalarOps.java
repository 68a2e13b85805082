package dev.cotangent.graph.compile;

import dev.cotangent.kernel.BinaryKernel;
import dev.cotangent.kernel.UnaryKernel;

/**
 * The scalar functions behind a one-element loop's instructions that are not inline arithmetic: a unary or binary
 * kernel function of one value, computed exactly as the interpreter computes it (so generated code gives the same
 * bits). Called by the interpreter and by the bytecode of {@link ScalarCodegen}.
 */
final class ScalarOps {
    private static final UnaryKernel.Fn[] UNARY_FNS = UnaryKernel.Fn.values();
    private static final BinaryKernel.Fn[] BINARY_FNS = BinaryKernel.Fn.values();

    private ScalarOps() {}

    /** Unary kernel function number {@code fn} of {@code x}, through the array kernel on one element. */
    static double unary(int fn, double x) {
        double[] t = {x};
        UnaryKernel.apply(UNARY_FNS[fn], t, t, 1);
        return t[0];
    }

    /** Binary kernel function number {@code fn} of {@code x} and {@code y}. */
    static double binary(int fn, double x, double y) {
        return BINARY_FNS[fn].apply(x, y);
    }
}
