package dev.cotangent.custom;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.graph.compile.GraphCompiler;
import dev.cotangent.graph.compile.Program;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import dev.cotangent.transform.Stage;
import dev.cotangent.transform.Vjp;
import java.util.function.BiFunction;

/**
 * A scan's step compiled once for one pair of shapes: the step x_k ↦ x_{k+1} and its adjoint
 * (x_k, θ, x̄_{k+1}, θ̄) ↦ (x̄_k, θ̄ + step k's share), each a {@link Program}. A jitted program runs the scan and its
 * reversal by running these programs in a loop (the revolve schedule of {@link Revolve#reverse} on arrays), so the
 * K steps are neither staged nor compiled K times. Immutable and shared by threads.
 */
final class ScanBody {
    private final Program forward;
    private final Program adjoint;

    private ScanBody(Program forward, Program adjoint) {
        this.forward = forward;
        this.adjoint = adjoint;
    }

    /** The step and its adjoint for states of shape {@code x} and parameters of shape {@code theta}, compiled. */
    static ScanBody compile(BiFunction<Tensor, Tensor, Tensor> step, Shape x, Shape theta) {
        Program f = GraphCompiler.compile(Stage.stage(xs -> new Tensor[] {Scan.checked(step, xs[0], xs[1], 0)}, x, theta));
        Program a = GraphCompiler.compile(Stage.stage(xs -> {
            Tensor[] g = Vjp.vjp("scan", v -> new Tensor[] {step.apply(v[0], v[1])}, xs[0], xs[1]).pullback(xs[2]);
            Tensor xBar = g[0] != null ? g[0] : Tensor.zeros(x.dims());
            return new Tensor[] {xBar, g[1] != null ? Ops.add(xs[3], g[1]) : xs[3]};
        }, x, theta, x, theta));
        return new ScanBody(f, a);
    }

    /** x_{first + count} from x_first: the compiled step run count times. */
    NDArray advance(NDArray x, NDArray theta, int first, int count) {
        for (int k = 0; k < count; k++) x = forward.run(x, theta)[0];
        return x;
    }

    /** (x̄₀, θ̄) of a scan of {@code steps} steps from x₀, reversed holding at most {@code snapshots} states. */
    NDArray[] reverse(NDArray x0, NDArray theta, NDArray ct, int steps, int snapshots) {
        Steps loop = new Steps(theta);
        NDArray xBar = Revolve.reverse(loop, x0, 0, steps, snapshots, ct);
        return new NDArray[] {xBar, loop.thetaBar};
    }

    /** The revolve recursion's view of the compiled programs, carrying the running θ̄. */
    private final class Steps implements Revolve.Steps<NDArray> {
        private final NDArray theta;
        NDArray thetaBar;

        Steps(NDArray theta) {
            this.theta = theta;
            this.thetaBar = NDArray.zeros(theta.shape());
        }

        @Override
        public NDArray advance(NDArray x, int first, int count) {
            return ScanBody.this.advance(x, theta, first, count);
        }

        @Override
        public NDArray adjoint(NDArray xk, int k, NDArray ct) {
            NDArray[] r = adjoint.run(xk, theta, ct, thetaBar);
            thetaBar = r[1];
            return r[0];
        }
    }
}
