package dev.cotangent.primitive.linalg;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.Lapack;
import dev.cotangent.kernel.LuFactors;
import dev.cotangent.primitive.Named;
import dev.cotangent.primitive.ZeroDerivative;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * The sign of det A (−1, 0 or 1) of every matrix of A {@code [..., n, n]} (result {@code [...]}), read off the
 * cached LU factors ({@link LuCache}) without forming det (so it is right where det over- or underflows). Piecewise
 * constant: zero derivative. With log |det A| it gives det A = sign · exp(log |det A|).
 */
public final class DetSign extends Named implements ZeroDerivative {
    public static final DetSign INSTANCE = new DetSign();

    private DetSign() {}

    @Override
    public String name() {
        return "sign_det";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public Shape shape(Shape... in) {
        if (in.length != 1) throw new IllegalArgumentException(name() + ": takes 1 operand, got " + in.length);
        LuShapes.square(name(), in[0]);
        return LuShapes.batch(in[0]);
    }

    @Override
    public NDArray apply(NDArray... in) {
        Shape s = shape(in[0].dims());
        LuFactors lu = LuCache.of(in[0]);
        double[] out = new double[s.size()];
        for (int t = 0; t < out.length; t++) out[t] = lu.sign(t);
        return NDArray.wrap(s, out);
    }

    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        return Ops.apply(this, args[0]);
    }

    @Override
    public boolean vjpReadsOperands() {
        return false;
    }

    @Override
    public boolean vjpReadsResult() {
        return false;
    }
}
