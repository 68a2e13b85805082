package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.BinaryKernel;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * An elementwise function y = f(a, b) with NumPy broadcasting and pointwise partial derivatives ∂f/∂a, ∂f/∂b:
 * ẏ = ∂f/∂a·ȧ + ∂f/∂b·ḃ, and ā = unbroadcast(∂f/∂a·ȳ), b̄ = unbroadcast(∂f/∂b·ȳ), where unbroadcast sums over
 * the axes along which the operand was broadcast.
 */
public abstract class Binary extends Named implements Elementwise {
    private final BinaryKernel.Fn fn;

    protected Binary(BinaryKernel.Fn fn) {
        this.fn = fn;
    }

    /** ∂f/∂a at (a, b) with y = f(a, b); written with ops. */
    protected abstract Tensor partialA(Tensor a, Tensor b, Tensor y);

    /** ∂f/∂b at (a, b) with y = f(a, b); written with ops. */
    protected abstract Tensor partialB(Tensor a, Tensor b, Tensor y);

    /** The elementwise kernel function this primitive applies (for compilers that fuse loops). */
    public final BinaryKernel.Fn kernel() {
        return fn;
    }

    @Override
    public String name() {
        return fn.label();
    }

    /** f(a, b) on two numbers: the kernel's own scalar function (for {@link ScalarRule}). */
    public final double value(double a, double b) {
        return fn.apply(a, b);
    }

    @Override
    public final int arity() {
        return 2;
    }

    @Override
    public NDArray apply(NDArray... in) {
        return in[0].zip(fn, in[1]);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        Tensor da = t[0] == null ? null : Ops.mul(t[0], partialA(x[0], x[1], y));
        Tensor db = t[1] == null ? null : Ops.mul(t[1], partialB(x[0], x[1], y));
        return Rules.fit(Rules.plus(da, db), y.dims());
    }

    @Override
    public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
        return new Tensor[] {
            needed[0] ? Rules.unbroadcast(Ops.mul(ct, partialA(x[0], x[1], y)), x[0].dims()) : null,
            needed[1] ? Rules.unbroadcast(Ops.mul(ct, partialB(x[0], x[1], y)), x[1].dims()) : null
        };
    }
}
