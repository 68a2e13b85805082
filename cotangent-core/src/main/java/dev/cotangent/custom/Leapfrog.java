package dev.cotangent.custom;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.graph.Composite;
import dev.cotangent.graph.Graph;
import dev.cotangent.primitive.Batching;
import dev.cotangent.primitive.Named;
import dev.cotangent.primitive.Primitive;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import dev.cotangent.transform.Jvp;
import dev.cotangent.transform.Stage;
import dev.cotangent.transform.Vjp;
import dev.cotangent.transform.Vmap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The leapfrog (Störmer–Verlet) loop x_{k+1} = x_k + τ u(y_k, θ), y_{k+1} = y_k + τ v(x_{k+1}, θ), k &lt; K, as
 * one primitive of (x₀, y₀, θ) with two results (x_K, y_K), whose reverse mode stores no states: it runs the
 * steps backwards, y_k = y_{k+1} − τ v(x_{k+1}, θ) and x_k = x_{k+1} − τ u(y_k, θ), recording u and v at those
 * points, which are exactly where the adjoint of each step needs their derivatives. Memory does not grow with
 * K; time is one evaluation of u and v plus one pullback of each per step.
 *
 * <p>Reversal is exact in exact arithmetic only: rounding errors grow along the reversed trajectory, quickly for
 * chaotic systems or a large τ. The sweep therefore checks that the reversed trajectory lands on x₀, y₀ (within
 * {@link #DRIFT_TOLERANCE} relative) and throws if it does not; with {@code storeEvery = m > 0} it first
 * recomputes the forward trajectory keeping every m-th state and restarts the reversal from those, bounding the
 * drift at the cost of K/m stored states and one more forward pass.
 */
public final class Leapfrog extends Named implements Primitive, Composite {
    /** The largest relative distance between the reversed and the true initial state the sweep accepts. */
    public static final double DRIFT_TOLERANCE = 1e-6;

    private final BiFunction<Tensor, Tensor, Tensor> u;
    private final BiFunction<Tensor, Tensor, Tensor> v;
    private final double tau;
    private final int steps;
    private final int storeEvery;

    private Leapfrog(BiFunction<Tensor, Tensor, Tensor> u, BiFunction<Tensor, Tensor, Tensor> v, double tau, int steps,
                     int storeEvery) {
        this.u = u;
        this.v = v;
        this.tau = tau;
        this.steps = steps;
        this.storeEvery = storeEvery;
    }

    /** {x_K, y_K}; reversed in the backward sweep, restarting from every {@code storeEvery}-th state if > 0. */
    public static Tensor[] of(BiFunction<Tensor, Tensor, Tensor> u, BiFunction<Tensor, Tensor, Tensor> v, Tensor x0,
                              Tensor y0, Tensor theta, double tau, int steps, int storeEvery) {
        if (steps < 0) throw new IllegalArgumentException("leapfrog: " + steps + " steps; give 0 or more");
        if (storeEvery < 0) throw new IllegalArgumentException("leapfrog: storeEvery " + storeEvery + "; give 0 or more");
        if (!Double.isFinite(tau)) throw new IllegalArgumentException("leapfrog: step size " + tau + " is not finite");
        return Ops.applyAll(new Leapfrog(u, v, tau, steps, storeEvery), x0, y0, theta);
    }

    @Override
    public String name() {
        return "leapfrog";
    }

    @Override
    public String toString() {
        return "leapfrog[steps=" + steps + ", tau=" + tau + "]";
    }

    @Override
    public int arity() {
        return 3;
    }

    @Override
    public int results() {
        return 2;
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("u", u, "v", v, "tau", tau, "steps", steps, "storeEvery", storeEvery);
    }

    @Override
    public Shape[] shapes(Shape... in) {
        return new Shape[] {in[0], in[1]};
    }

    /** The unrolled loop as a graph (K steps of u and v), staged on request. */
    @Override
    public Graph graph(Shape... in) {
        return Stage.stage(a -> run(a[0], a[1], a[2], 0, steps), in);
    }

    @Override
    public NDArray[] applyAll(NDArray... in) {
        Tensor[] r = run(Tensor.from(in[0]), Tensor.from(in[1]), Tensor.from(in[2]), 0, steps);
        return new NDArray[] {r[0].value(), r[1].value()};
    }

    /** {@code count} steps from (x, y) = (x_first, y_first). */
    private Tensor[] run(Tensor x, Tensor y, Tensor theta, int first, int count) {
        Tensor t = Tensor.scalar(tau);
        for (int k = first; k < first + count; k++) {
            x = Ops.add(x, Ops.mul(t, checked("u", u.apply(y, theta), x, k)));
            y = Ops.add(y, Ops.mul(t, checked("v", v.apply(x, theta), y, k)));
        }
        return new Tensor[] {x, y};
    }

    private static Tensor checked(String which, Tensor value, Tensor like, int k) {
        if (value == null || !value.dims().equals(like.dims())) {
            throw new IllegalArgumentException("leapfrog: at step " + k + ", " + which + " returned "
                    + (value == null ? "null" : "shape " + value.dims()) + " for a state of shape " + like.dims()
                    + "; " + which + " must return the shape of the state it moves");
        }
        return value;
    }

    @Override
    public Tensor[] jvpAll(Tensor[] primals, Tensor[] tangents, Tensor[] outs) {
        return Jvp.jvp("leapfrog", a -> run(a[0], a[1], a[2], 0, steps), primals.clone(), tangents.clone()).tangents();
    }

    @Override
    public Tensor[] vjpAll(Tensor[] cts, Tensor[] primals, Tensor[] outs, boolean[] needed) {
        Tensor theta = primals[2];
        Tensor[][] stored = storeEvery > 0 ? forwardStates(primals) : null;
        Tensor t = Tensor.scalar(tau);
        Tensor x1 = outs[0];
        Tensor y1 = outs[1];
        Tensor xBar = cts[0] != null ? cts[0] : Tensor.zeros(x1.shape());
        Tensor yBar = cts[1] != null ? cts[1] : Tensor.zeros(y1.shape());
        Tensor thetaBar = null;
        for (int k = steps - 1; k >= 0; k--) {
            Tensor[] exact = stored != null && k % storeEvery == 0 ? stored[k / storeEvery] : null;
            int index = k;
            Vjp.Pullback pv = Vjp.vjp("leapfrog", a -> new Tensor[] {checked("v", v.apply(a[0], a[1]), a[0], index)},
                    x1, theta);
            Tensor y0 = exact != null ? exact[1] : Ops.sub(y1, Ops.mul(t, pv.values()[0]));
            Vjp.Pullback pu = Vjp.vjp("leapfrog", a -> new Tensor[] {checked("u", u.apply(a[0], a[1]), a[0], index)},
                    y0, theta);
            Tensor x0 = exact != null ? exact[0] : Ops.sub(x1, Ops.mul(t, pu.values()[0]));
            // y_{k+1} = y_k + τ v(x_{k+1}): ȳ passes through, x̄_{k+1} and θ̄ gain τ ∂v ᵀ ȳ
            Tensor[] gv = pv.pullback(Ops.mul(t, yBar));
            xBar = Ops.add(xBar, gv[0]);
            // x_{k+1} = x_k + τ u(y_k): x̄ passes through, ȳ_k and θ̄ gain τ ∂u ᵀ x̄
            Tensor[] gu = pu.pullback(Ops.mul(t, xBar));
            yBar = Ops.add(yBar, gu[0]);
            Tensor dTheta = Ops.add(gv[1], gu[1]);
            thetaBar = thetaBar == null ? dTheta : Ops.add(thetaBar, dTheta);
            x1 = x0;
            y1 = y0;
        }
        if (stored == null) checkDrift(x1, y1, primals);
        return new Tensor[] {xBar, yBar, thetaBar != null ? thetaBar : Tensor.zeros(theta.shape())};
    }

    /** The states x_k, y_k at k = 0, m, 2m, … of the forward trajectory (m = storeEvery). */
    private Tensor[][] forwardStates(Tensor[] primals) {
        Tensor[][] stored = new Tensor[(steps + storeEvery - 1) / storeEvery + 1][];
        Tensor[] s = {primals[0], primals[1]};
        for (int k = 0; k < steps; k += storeEvery) {
            stored[k / storeEvery] = s;
            s = run(s[0], s[1], primals[2], k, Math.min(storeEvery, steps - k));
        }
        return stored;
    }

    /** Throws if the reversed trajectory did not come back to the true initial state. */
    private void checkDrift(Tensor x0, Tensor y0, Tensor[] primals) {
        double drift;
        double scale;
        try {
            drift = Math.max(maxAbs(x0.value().toArray(), primals[0].value().toArray()),
                    maxAbs(y0.value().toArray(), primals[1].value().toArray()));
            scale = Math.max(1, Math.max(maxAbs(primals[0].value().toArray(), null),
                    maxAbs(primals[1].value().toArray(), null)));
        } catch (IllegalStateException noValues) {
            return; // staged or batched: no numbers to compare here
        }
        if (!(drift <= DRIFT_TOLERANCE * scale)) {
            throw new ArithmeticException("leapfrog: running " + steps + " steps backwards (τ = " + tau + ") came back "
                    + drift + " away from the initial state (relative " + drift / scale + " > " + DRIFT_TOLERANCE
                    + "), so the reversed gradient would be inaccurate (a chaotic system, or τ too large); pass "
                    + "storeEvery > 0 to restart the reversal from stored states");
        }
    }

    private static double maxAbs(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(b == null ? a[i] : a[i] - b[i]));
        return m;
    }

    @Override
    public Tensor[] batchAll(Tensor[] args, boolean[] batched, int size) {
        boolean thetaBatched = batched[2];
        BiFunction<Tensor, Tensor, Tensor> bu = vmapped(u, thetaBatched, size);
        BiFunction<Tensor, Tensor, Tensor> bv = vmapped(v, thetaBatched, size);
        return Ops.applyAll(new Leapfrog(bu, bv, tau, steps, storeEvery),
                Batching.materialize(args[0], batched[0], size), Batching.materialize(args[1], batched[1], size), args[2]);
    }

    private static BiFunction<Tensor, Tensor, Tensor> vmapped(BiFunction<Tensor, Tensor, Tensor> g, boolean thetaBatched,
                                                             int size) {
        return (s, th) -> Vmap.vmap("leapfrog", a -> new Tensor[] {g.apply(a[0], a[1])}, new Tensor[] {s, th},
                new boolean[] {true, thetaBatched}, size)[0];
    }
}
