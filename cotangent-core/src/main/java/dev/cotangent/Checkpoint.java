package dev.cotangent;

import java.util.function.Function;

/**
 * Gradient checkpointing as a custom rule: reverse mode keeps only the function's operands, and the VJP rule runs
 * the function again under a fresh reverse trace to pull the cotangent back, trading one more evaluation for the
 * memory of the function's intermediate values. See {@link AD#checkpoint}.
 */
final class Checkpoint extends UserFunction {

    Checkpoint(Function<Tensor[], Tensor> f, int arity) {
        super("checkpoint", f, arity);
    }

    @Override
    public Tensor[] vjp(Tensor cotangent, Tensor[] primals, Tensor out, boolean[] needed) {
        // ∂f(x)ᵀȳ is the gradient of ⟨f(x), ȳ⟩: one recomputation of f, recorded, then one backward sweep
        return AD.valueAndGrad(xs -> Ops.sum(Ops.mul(f.apply(xs), cotangent)), primals.clone()).grads()
                .toArray(new Tensor[0]);
    }

    @Override
    protected UserFunction batchedCopy(boolean[] batched, int size) {
        return new Checkpoint(vmapped(f, batched, size), arity());
    }

    /** Its VJP rule reads the operands (to recompute), not the result. */
    @Override
    public boolean vjpReadsResult() {
        return false;
    }
}
