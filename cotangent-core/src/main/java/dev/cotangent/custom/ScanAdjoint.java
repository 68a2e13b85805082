package dev.cotangent.custom;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.graph.compile.CompiledLoop;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.function.Function;

/**
 * The reversal of a {@link Scan} as one primitive of (x₀, θ, x̄_K), so that reverse mode records (and jit stages)
 * one node instead of the K adjoint steps. Its one result is x̄₀ and θ̄ flattened and concatenated
 * ({@link #pullback} splits it). Eager mode runs the revolve sweep on tensors; a jitted program runs the step's
 * compiled adjoint in a loop ({@link ScanBody}). Differentiated again (a Hessian), it records the sweep it
 * recomputes, as a {@link Checkpoint} does.
 */
final class ScanAdjoint extends UserFunction implements CompiledLoop {
    /** The scan reversed; null for a batched copy, which has no compiled body. */
    private final Scan scan;

    private ScanAdjoint(Function<Tensor[], Tensor> f, Scan scan) {
        super("scan-adjoint", f, 3);
        this.scan = scan;
    }

    /** (x̄₀, θ̄) of {@code scan} at (x₀, θ) given x̄_K, as one recorded node. */
    static Tensor[] pullback(Scan scan, Tensor x0, Tensor theta, Tensor ct) {
        Tensor packed = Ops.apply(new ScanAdjoint(xs -> sweep(scan, xs), scan), x0, theta, ct);
        int nx = x0.dims().size();
        int nTheta = theta.dims().size();
        return new Tensor[] {Ops.reshape(Ops.slice(packed, 0, 0, nx), x0.shape()),
            Ops.reshape(Ops.slice(packed, 0, nx, nx + nTheta), theta.shape())};
    }

    /** The sweep on tensors (eager mode, and what the derivative rules differentiate). */
    private static Tensor sweep(Scan scan, Tensor[] xs) {
        Scan.Sweep s = new Scan.Sweep(scan.step(), xs[1]);
        Tensor xBar = Revolve.reverse(s, xs[0], 0, scan.steps(), scan.snapshots(), xs[2]);
        Tensor thetaBar = s.thetaBar != null ? s.thetaBar : Tensor.zeros(xs[1].shape());
        return Ops.concat(0, Ops.reshape(xBar, xs[0].dims().size()), Ops.reshape(thetaBar, xs[1].dims().size()));
    }

    /** [size of x₀ + size of θ], without staging the sweep (a batched copy stages its function). */
    @Override
    public Shape shape(Shape... in) {
        return scan == null ? super.shape(in) : Shape.of(in[0].size() + in[1].size());
    }

    @Override
    public NDArray[] runCompiled(NDArray... in) {
        if (scan == null) return new NDArray[] {apply(in)};
        NDArray[] g = scan.body(in[0].dims(), in[1].dims()).reverse(in[0], in[1], in[2], scan.steps(), scan.snapshots());
        int nx = g[0].size();
        double[] packed = new double[nx + g[1].size()];
        System.arraycopy(g[0].unsafeData(), 0, packed, 0, nx);
        System.arraycopy(g[1].unsafeData(), 0, packed, nx, g[1].size());
        return new NDArray[] {NDArray.wrap(Shape.of(packed.length), packed)};
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
        return new ScanAdjoint(vmapped(name(), f, batched, size), null);
    }

    /** Its VJP rule reads the operands (to recompute), not the result. */
    @Override
    public boolean vjpReadsResult() {
        return false;
    }
}
