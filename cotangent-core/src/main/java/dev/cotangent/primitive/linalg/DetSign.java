package dev.cotangent.primitive.linalg;

import dev.cotangent.kernel.LuFactors;
import dev.cotangent.primitive.ZeroDerivative;

/**
 * The sign of det A (−1, 0 or 1) of every matrix of A {@code [..., n, n]} (result {@code [...]}), read off the
 * cached LU factors ({@link LuCache}) without forming det (so it is right where det over- or underflows). Piecewise
 * constant: zero derivative. With log |det A| it gives det A = sign · exp(log |det A|).
 */
public final class DetSign extends LuScalar implements ZeroDerivative {
    public static final DetSign INSTANCE = new DetSign();

    private DetSign() {}

    @Override
    protected double of(LuFactors lu, int t) {
        return lu.sign(t);
    }

    @Override
    public String name() {
        return "sign_det";
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
