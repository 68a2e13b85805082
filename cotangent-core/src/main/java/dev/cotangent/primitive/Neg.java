package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.UnaryKernel;

/** −x; linear, so its JVP is −ẋ and its VJP is −ȳ. */
public final class Neg extends Unary implements ScalarRule {
    public static final Neg INSTANCE = new Neg();

    private Neg() {
        super(UnaryKernel.Fn.NEG);
    }

    @Override
    protected Tensor derivative(Tensor x, Tensor y) {
        return Tensor.scalar(-1.0);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        return Ops.neg(t[0]);
    }

    @Override
    public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
        return new Tensor[] {Ops.neg(ct)};
    }

    /** Its VJP rule needs shapes only. */
    @Override
    public boolean vjpReadsOperands() {
        return false;
    }

    @Override
    public boolean vjpReadsResult() {
        return false;
    }

    @Override
    public double partial(int operand, double a, double b, double y) {
        return -1.0;
    }
}
