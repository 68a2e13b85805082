package dev.cotangent.primitive;

import dev.cotangent.Tensor;
import dev.cotangent.kernel.BinaryKernel;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/** A comparison (eq, ne, lt, le, gt, ge) with broadcasting, giving 1.0 where true and 0.0 where false; derivative 0. */
public final class Compare extends Named implements Elementwise, ZeroDerivative {
    public static final Compare EQ = new Compare(BinaryKernel.Fn.EQ);
    public static final Compare NE = new Compare(BinaryKernel.Fn.NE);
    public static final Compare LT = new Compare(BinaryKernel.Fn.LT);
    public static final Compare LE = new Compare(BinaryKernel.Fn.LE);
    public static final Compare GT = new Compare(BinaryKernel.Fn.GT);
    public static final Compare GE = new Compare(BinaryKernel.Fn.GE);
    private final BinaryKernel.Fn fn;

    private Compare(BinaryKernel.Fn fn) {
        this.fn = fn;
    }

    /** The elementwise kernel function of this comparison (for compilers that fuse loops). */
    public BinaryKernel.Fn kernel() {
        return fn;
    }

    @Override
    public String name() {
        return fn.label();
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public NDArray apply(NDArray... in) {
        return in[0].zip(fn, in[1]);
    }

    @Override
    public java.util.Map<String, Object> params() {
        return java.util.Map.of("fn", fn.label());
    }
}
