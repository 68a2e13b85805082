package dev.cotangent;

import dev.cotangent.primitive.Primitive;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import dev.cotangent.trace.Bind;

/**
 * A test-only primitive: the identity, counting how often its JVP rule (one per forward-mode pass through it) and
 * its VJP rule (one per backward sweep through it) run. Put at the input of a function, it counts the
 * Jacobian-vector products and the pullbacks a transform performs.
 */
final class CountingIdentity extends Primitive {
    int jvps;
    int vjps;

    Tensor apply(Tensor x) {
        return Bind.bind(this, x);
    }

    @Override
    public String name() {
        return "counting_identity";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public Shape shape(Shape... in) {
        return in[0];
    }

    @Override
    public NDArray apply(NDArray... in) {
        return in[0];
    }

    @Override
    public Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out) {
        jvps++;
        return tangents[0];
    }

    @Override
    public Tensor[] vjp(Tensor cotangent, Tensor[] primals, Tensor out, boolean[] needed) {
        vjps++;
        return new Tensor[] {cotangent};
    }
}
