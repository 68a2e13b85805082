package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * An elementwise function y = f(x) with a pointwise derivative f'(x): its JVP is ẏ = f'(x)·ẋ and its VJP is
 * x̄ = f'(x)·ȳ, both elementwise. A subclass gives the kernel and f' (written with ops, in terms of x and y).
 */
public abstract class Unary extends Named implements Elementwise {
    private final UnaryKernel.Fn fn;

    protected Unary(UnaryKernel.Fn fn) {
        this.fn = fn;
    }

    /** f'(x), given x and y = f(x); written with ops. */
    protected abstract Tensor derivative(Tensor x, Tensor y);

    /**
     * Whether {@link #derivative} reads x. Reverse mode keeps x for the backward sweep only if so; a subclass that
     * does not override this keeps it (safe); the built-in functions say which of x and y they read.
     */
    protected boolean derivativeUsesOperand() {
        return true;
    }

    /** Whether {@link #derivative} reads y = f(x); as {@link #derivativeUsesOperand()}. */
    protected boolean derivativeUsesResult() {
        return true;
    }

    @Override
    public boolean vjpReadsOperands() {
        return derivativeUsesOperand();
    }

    @Override
    public boolean vjpReadsResult() {
        return derivativeUsesResult();
    }

    /** The elementwise kernel function this primitive applies (for compilers that fuse loops). */
    public final UnaryKernel.Fn kernel() {
        return fn;
    }

    @Override
    public String name() {
        return fn.label();
    }

    /** f(x) on one number, through the array kernel so that it is that kernel's number (for {@link ScalarRule}). */
    public final double value(double x, double unused) {
        double[] v = {x};
        UnaryKernel.apply(fn, v, v, 1);
        return v[0];
    }

    @Override
    public final int arity() {
        return 1;
    }

    @Override
    public NDArray apply(NDArray... in) {
        return in[0].map(fn);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        return Ops.mul(t[0], derivative(x[0], y));
    }

    @Override
    public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
        return new Tensor[] {Ops.mul(ct, derivative(x[0], y))};
    }
}
