package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.BinaryKernel;

/** a − b; linear: ẏ = ȧ − ḃ, ā = ȳ and b̄ = −ȳ, each summed over its broadcast axes. */
public final class Sub extends Binary implements Linear, ScalarRule {
    public static final Sub INSTANCE = new Sub();

    private Sub() {
        super(BinaryKernel.Fn.SUB);
    }

    @Override
    protected Tensor partialA(Tensor a, Tensor b, Tensor y) {
        return Rules.ONE;
    }

    @Override
    protected Tensor partialB(Tensor a, Tensor b, Tensor y) {
        return Rules.MINUS_ONE;
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        Tensor r = t[1] == null ? t[0] : t[0] == null ? Ops.neg(t[1]) : Ops.sub(t[0], t[1]);
        return Rules.fit(r, y.dims());
    }

    @Override
    public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
        return new Tensor[] {
            needed[0] ? Rules.unbroadcast(ct, x[0].dims()) : null,
            needed[1] ? Rules.unbroadcast(Ops.neg(ct), x[1].dims()) : null
        };
    }

    @Override
    public java.util.OptionalDouble identity(int operand) {
        return operand == 1 ? java.util.OptionalDouble.of(0.0) : java.util.OptionalDouble.empty();
    }

    @Override
    public double partial(int operand, double a, double b, double y) {
        return operand == 0 ? 1.0 : -1.0;
    }
}
