package dev.cotangent.primitive;

import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/** sign(x) or floor(x): integer-valued elementwise functions, whose derivative is 0 (by convention at jumps). */
public final class UnaryStep extends Named implements Elementwise, ZeroDerivative {
    public static final UnaryStep SIGN = new UnaryStep(UnaryKernel.Fn.SIGN);
    public static final UnaryStep FLOOR = new UnaryStep(UnaryKernel.Fn.FLOOR);
    private final UnaryKernel.Fn fn;

    private UnaryStep(UnaryKernel.Fn fn) {
        this.fn = fn;
    }

    @Override
    public String name() {
        return fn.label();
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public NDArray apply(NDArray... in) {
        return in[0].map(fn);
    }

    @Override
    public java.util.Map<String, Object> params() {
        return java.util.Map.of("fn", fn.label());
    }
}
