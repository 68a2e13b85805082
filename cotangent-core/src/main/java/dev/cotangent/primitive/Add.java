package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.BinaryKernel;

/** a + b; linear: ẏ = ȧ + ḃ, and each operand's cotangent is ȳ summed over its broadcast axes. */
public final class Add extends Binary implements Linear, ScalarRule {
    public static final Add INSTANCE = new Add();

    private Add() {
        super(BinaryKernel.Fn.ADD);
    }

    @Override
    protected Tensor partialA(Tensor a, Tensor b, Tensor y) {
        return Rules.ONE;
    }

    @Override
    protected Tensor partialB(Tensor a, Tensor b, Tensor y) {
        return Rules.ONE;
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        return Rules.fit(Rules.plus(t[0], t[1]), y.dims());
    }

    @Override
    public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
        return new Tensor[] {
            needed[0] ? Rules.unbroadcast(ct, x[0].dims()) : null,
            needed[1] ? Rules.unbroadcast(ct, x[1].dims()) : null
        };
    }

    @Override
    public boolean commutative() {
        return true;
    }

    @Override
    public double partial(int operand, double a, double b, double y) {
        return 1.0;
    }
}
