package dev.cotangent.custom;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.function.Function;

/**
 * Gradient checkpointing as a custom rule: reverse mode keeps only the function's operands, and the VJP rule runs
 * the function again under a fresh reverse trace to pull the cotangent back, trading one more evaluation for the
 * memory of the function's intermediate values.
 */
public final class Checkpoint extends UserFunction {

    private Checkpoint(Function<Tensor[], Tensor> f, int arity) {
        super("checkpoint", f, arity);
    }

    /** {@code f} recorded by reverse mode as one step and recomputed in the backward sweep. */
    public static Function<Tensor[], Tensor> of(Function<Tensor[], Tensor> f) {
        return xs -> {
            if (xs.length == 0) throw new IllegalArgumentException("checkpoint: the function needs at least one argument");
            return Ops.apply(new Checkpoint(f, xs.length), xs);
        };
    }

    @Override
    public Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out) {
        return jvpOfFunction(primals, tangents);
    }

    @Override
    public Tensor[] vjp(Tensor cotangent, Tensor[] primals, Tensor out, boolean[] needed) {
        return vjpOfFunction(cotangent, primals); // one recomputation of f, recorded, then one backward sweep
    }

    @Override
    protected UserFunction batchedCopy(boolean[] batched, int size) {
        return new Checkpoint(vmapped(name(), f, batched, size), arity());
    }

    /** Its VJP rule reads the operands (to recompute), not the result. */
    @Override
    public boolean vjpReadsResult() {
        return false;
    }
}
