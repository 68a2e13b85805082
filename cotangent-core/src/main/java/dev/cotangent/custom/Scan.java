package dev.cotangent.custom;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.graph.compile.CompiledLoop;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import dev.cotangent.transform.Stage;
import dev.cotangent.transform.Jvp;
import dev.cotangent.transform.Vjp;
import dev.cotangent.transform.Vmap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A loop x_{k+1} = step(x_k, θ), k = 0 … K−1, as one primitive of (x₀, θ) whose reverse mode follows Griewank's
 * binomial schedule ({@link Revolve}): it holds at most {@code s} states at once and recomputes the fewest
 * forward steps that memory allows. Each step is reversed by recording that one step and pulling its
 * cotangent back, so at most one step's tape is alive besides the s states. Forward mode differentiates the
 * loop step by step (no memory is needed). Inside a jitted program the loop runs the step's compiled program
 * K times ({@link #runCompiled}), and its reversal is one {@link ScanAdjoint} node run the same way.
 */
public final class Scan extends UserFunction implements CompiledLoop {
    private final BiFunction<Tensor, Tensor, Tensor> step;
    private final int steps;
    private final int snapshots;
    private final Map<List<Shape>, ScanBody> bodies = new ConcurrentHashMap<>();

    private Scan(BiFunction<Tensor, Tensor, Tensor> step, int steps, int snapshots) {
        super("scan", xs -> run(step, xs[0], xs[1], 0, steps), 2);
        this.step = step;
        this.steps = steps;
        this.snapshots = snapshots;
    }

    /** x_steps of the loop, reversed with at most {@code snapshots} states held at once. */
    public static Tensor binomial(BiFunction<Tensor, Tensor, Tensor> step, Tensor x0, Tensor theta, int steps,
                                  int snapshots) {
        return Ops.apply(new Scan(step, steps, snapshots), x0, theta);
    }

    /** {@code count} steps from x_{first}: a plain loop whose every step is checked to keep the state's shape. */
    public static Tensor run(BiFunction<Tensor, Tensor, Tensor> step, Tensor x, Tensor theta, int first, int count) {
        for (int k = first; k < first + count; k++) x = checked(step, x, theta, k);
        return x;
    }

    /** One step, with its result checked: not null, and of the state's shape. */
    static Tensor checked(BiFunction<Tensor, Tensor, Tensor> step, Tensor x, Tensor theta, int k) {
        Tensor next = step.apply(x, theta);
        if (next == null) throw new IllegalArgumentException("scan: step " + k + " returned null; return the next state");
        if (!next.dims().equals(x.dims())) {
            throw new IllegalArgumentException("scan: step " + k + " turned a state of shape " + x.dims()
                    + " into one of shape " + next.dims() + "; a step must keep the state's shape");
        }
        return next;
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("step", step, "steps", steps, "snapshots", snapshots);
    }

    @Override
    public Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out) {
        Tensor[] t = tangents.clone();
        Tensor x = primals[0];
        Tensor dx = t[0];
        for (int k = 0; k < steps; k++) {
            int index = k;
            Jvp.Out o = Jvp.jvp("scan", a -> new Tensor[] {checked(step, a[0], a[1], index)},
                    new Tensor[] {x, primals[1]}, new Tensor[] {dx, t[1]});
            x = o.primals()[0];
            dx = o.tangents()[0];
        }
        return dx;
    }

    @Override
    public Tensor[] vjp(Tensor cotangent, Tensor[] primals, Tensor out, boolean[] needed) {
        return ScanAdjoint.pullback(this, primals[0], primals[1], cotangent);
    }

    /** Its VJP rule reads the operands (it recomputes from x₀), not the result. */
    @Override
    public boolean vjpReadsResult() {
        return false;
    }

    /** x₀'s shape, once one step staged on these shapes keeps it (the loop itself is not staged). */
    @Override
    public Shape shape(Shape... in) {
        if (steps > 0) Stage.stage(xs -> new Tensor[] {checked(step, xs[0], xs[1], 0)}, in);
        return in[0];
    }

    /** The loop run by the step's compiled program (compiled once per shapes): what a jitted program calls. */
    @Override
    public NDArray[] runCompiled(NDArray... in) {
        return new NDArray[] {body(in[0].dims(), in[1].dims()).advance(in[0], in[1], 0, steps)};
    }

    /** The step and its adjoint compiled for states and parameters of these shapes (compiled on first use). */
    ScanBody body(Shape x, Shape theta) {
        return bodies.computeIfAbsent(List.of(x, theta), k -> ScanBody.compile(step, x, theta));
    }

    BiFunction<Tensor, Tensor, Tensor> step() {
        return step;
    }

    int steps() {
        return steps;
    }

    int snapshots() {
        return snapshots;
    }

    /** The backward sweep of one call on tensors (eager mode): the revolve recursion, accumulating θ̄. */
    static final class Sweep implements Revolve.Steps<Tensor> {
        private final BiFunction<Tensor, Tensor, Tensor> step;
        private final Tensor theta;
        Tensor thetaBar;

        Sweep(BiFunction<Tensor, Tensor, Tensor> step, Tensor theta) {
            this.step = step;
            this.theta = theta;
        }

        @Override
        public Tensor advance(Tensor x, int first, int count) {
            return run(step, x, theta, first, count);
        }

        /** The reversal of step k at x_k: records that step and pulls x̄_{k+1} back to x̄_k, adding to θ̄. */
        @Override
        public Tensor adjoint(Tensor xk, int k, Tensor ct) {
            Tensor[] g = Vjp.vjp("scan", a -> new Tensor[] {checked(step, a[0], a[1], k)}, xk, theta).pullback(ct);
            if (g[1] != null) thetaBar = thetaBar == null ? g[1] : Ops.add(thetaBar, g[1]);
            return g[0] != null ? g[0] : Tensor.zeros(xk.shape());
        }
    }

    /**
     * The batched copy: the step vmapped; the state is batched whenever x₀ or θ is (an unbatched x₀ is repeated
     * over the batch).
     */
    @Override
    protected UserFunction batchedCopy(boolean[] batched, int size) {
        boolean thetaBatched = batched[1];
        BiFunction<Tensor, Tensor, Tensor> batchedStep = (x, th) -> Vmap.vmap("scan",
                a -> new Tensor[] {step.apply(a[0], a[1])}, new Tensor[] {x, th}, new boolean[] {true, thetaBatched},
                size)[0];
        Scan inner = new Scan(batchedStep, steps, snapshots);
        return new Materialising(inner, batched[0], size);
    }

    /** The batched scan applied after repeating an unbatched x₀ over the batch. */
    private static final class Materialising extends UserFunction {
        private final Scan inner;
        private final boolean x0Batched;
        private final int size;

        Materialising(Scan inner, boolean x0Batched, int size) {
            super("scan", xs -> inner.f.apply(new Tensor[] {repeat(xs[0], x0Batched, size), xs[1]}), 2);
            this.inner = inner;
            this.x0Batched = x0Batched;
            this.size = size;
        }

        @Override
        public Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out) {
            return inner.jvp(expand(primals), expandTangents(tangents), out);
        }

        @Override
        public Tensor[] vjp(Tensor cotangent, Tensor[] primals, Tensor out, boolean[] needed) {
            Tensor[] g = inner.vjp(cotangent, expand(primals), out, needed);
            if (!x0Batched) g[0] = Ops.sum(g[0], false, 0);
            return g;
        }

        private Tensor[] expand(Tensor[] p) {
            return new Tensor[] {repeat(p[0], x0Batched, size), p[1]};
        }

        private Tensor[] expandTangents(Tensor[] t) {
            return new Tensor[] {t[0] == null ? null : repeat(t[0], x0Batched, size), t[1]};
        }

        @Override
        protected UserFunction batchedCopy(boolean[] batched, int size) {
            throw new UnsupportedOperationException("scan: vmap of a vmapped binomial scan is not supported yet; "
                    + "use Checkpoints.every(k) for nested vmap");
        }

        private static Tensor repeat(Tensor x, boolean batched, int size) {
            return dev.cotangent.primitive.Batching.materialize(x, batched, size);
        }
    }
}
