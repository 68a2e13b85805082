package dev.cotangent;

import dev.cotangent.primitive.Primitive;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import dev.cotangent.trace.BatchTrace;
import dev.cotangent.trace.Bind;
import dev.cotangent.trace.Tracer;

/**
 * A test-only primitive: the identity, counting how often its JVP rule (one per forward-mode pass through it) and
 * its VJP rule (one per backward sweep through it) run. Put at the input of a function, it counts the
 * Jacobian-vector products and the pullbacks a transform performs. A rule that runs on a batch of directions (under
 * vmap, as jacfwd and jacrev do) counts every direction of the batch.
 */
final class CountingIdentity extends dev.cotangent.primitive.Named implements dev.cotangent.primitive.OneResult {
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
        jvps += directions(tangents[0]);
        return tangents[0];
    }

    @Override
    public Tensor[] vjp(Tensor cotangent, Tensor[] primals, Tensor out, boolean[] needed) {
        vjps += directions(cotangent);
        return new Tensor[] {cotangent};
    }

    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        return args[0];
    }

    private static int directions(Tensor t) {
        return t instanceof Tracer && ((Tracer) t).trace() instanceof BatchTrace ? ((BatchTrace) ((Tracer) t).trace()).size() : 1;
    }
}
