package dev.cotangent.custom;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.graph.compile.GraphCompiler;
import dev.cotangent.graph.compile.Program;
import dev.cotangent.graph.compile.ScalarProgram;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import dev.cotangent.transform.Stage;
import dev.cotangent.transform.Vjp;
import java.util.function.BiFunction;

/**
 * A scan's step compiled once for one pair of shapes: the step x_k ↦ x_{k+1} and its adjoint
 * (x_k, θ, x̄_{k+1}, θ̄) ↦ (x̄_k, θ̄ + step k's share), each a {@link Program}. A jitted program runs the scan and its
 * reversal by running these programs in a loop (the revolve schedule of {@link Revolve#reverse} on arrays), so the
 * K steps are neither staged nor compiled K times. When the state and θ hold one element each, the loops run the
 * programs on plain doubles ({@link ScalarProgram}). Immutable and shared by threads.
 */
final class ScanBody {
    private final Program forward;
    private final Program adjoint;
    /** Both programs on plain doubles when the state and θ hold one element each (else null). */
    private final ScalarProgram forwardScalar;
    private final ScalarProgram adjointScalar;

    private ScanBody(Program forward, Program adjoint) {
        this.forward = forward;
        this.adjoint = adjoint;
        ScalarProgram f = ScalarProgram.of(forward);
        ScalarProgram a = f == null ? null : ScalarProgram.of(adjoint);
        this.forwardScalar = a == null ? null : f;
        this.adjointScalar = a;
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
        if (forwardScalar != null) {
            return NDArray.wrap(x.dims(), new double[] {advance(x.item(), theta.item(), count)});
        }
        for (int k = 0; k < count; k++) x = forward.run(x, theta)[0];
        return x;
    }

    /** (x̄₀, θ̄) of a scan of {@code steps} steps from x₀, reversed holding at most {@code snapshots} states. */
    NDArray[] reverse(NDArray x0, NDArray theta, NDArray ct, int steps, int snapshots) {
        if (adjointScalar != null) {
            ScalarSteps loop = new ScalarSteps(theta.item());
            double xBar = Revolve.reverse(loop, x0.item(), 0, steps, snapshots, ct.item());
            return new NDArray[] {NDArray.wrap(x0.dims(), new double[] {xBar}),
                NDArray.wrap(theta.dims(), new double[] {loop.thetaBar})};
        }
        Steps loop = new Steps(theta);
        NDArray xBar = Revolve.reverse(loop, x0, 0, steps, snapshots, ct);
        return new NDArray[] {xBar, loop.thetaBar};
    }

    /** {@code count} steps on doubles. */
    private double advance(double x, double theta, int count) {
        double[] in = {x, theta};
        double[] out = new double[1];
        for (int k = 0; k < count; k++) {
            forwardScalar.run(in, out);
            in[0] = out[0];
        }
        return in[0];
    }

    /** The revolve recursion's view of the scalar programs, carrying the running θ̄. */
    private final class ScalarSteps implements Revolve.Steps<Double> {
        private final double theta;
        double thetaBar;

        ScalarSteps(double theta) {
            this.theta = theta;
        }

        @Override
        public Double advance(Double x, int first, int count) {
            return ScanBody.this.advance(x, theta, count);
        }

        @Override
        public Double adjoint(Double xk, int k, Double ct) {
            double[] out = new double[2];
            adjointScalar.run(new double[] {xk, theta, ct, thetaBar}, out);
            thetaBar = out[1];
            return out[0];
        }
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
