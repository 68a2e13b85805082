package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * (sin x, cos x) in one primitive with two results, the smallest example of a primitive with several results
 * (as eigh and svd are): s = sin x, c = cos x, so ṡ = c·ẋ and ċ = −s·ẋ, and with a cotangent per result,
 * x̄ = c·s̄ − s·c̄ (a zero cotangent of either result drops its term). Its rules read only its results.
 */
public final class SinCos extends Named {
    public static final SinCos INSTANCE = new SinCos();

    private SinCos() {}

    @Override
    public String name() {
        return "sincos";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public int results() {
        return 2;
    }

    @Override
    public Shape[] shapes(Shape... in) {
        Rules.arity(name(), 1, in);
        return new Shape[] {in[0], in[0]};
    }

    @Override
    public NDArray[] applyAll(NDArray... in) {
        return new NDArray[] {in[0].map(UnaryKernel.Fn.SIN), in[0].map(UnaryKernel.Fn.COS)};
    }

    @Override
    public Tensor[] jvpAll(Tensor[] x, Tensor[] t, Tensor[] y) {
        return new Tensor[] {Ops.mul(t[0], y[1]), Ops.neg(Ops.mul(t[0], y[0]))};
    }

    @Override
    public Tensor[] vjpAll(Tensor[] ct, Tensor[] x, Tensor[] y, boolean[] needed) {
        Tensor fromSin = ct[0] == null ? null : Ops.mul(ct[0], y[1]);
        Tensor fromCos = ct[1] == null ? null : Ops.mul(ct[1], y[0]);
        Tensor g = fromCos == null ? fromSin : fromSin == null ? Ops.neg(fromCos) : Ops.sub(fromSin, fromCos);
        return new Tensor[] {g};
    }

    @Override
    public Tensor[] batchAll(Tensor[] args, boolean[] batched, int size) {
        return Ops.applyAll(this, args[0]);
    }

    /** Its rules read the results (sin and cos of x), not the operand. */
    @Override
    public boolean vjpReadsOperands() {
        return false;
    }
}
