package dev.cotangent.ode;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.VjpOf;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Differentiate, then discretise: the continuous adjoint as an {@link AD#customVjp} rule. With z(t) = ∂L/∂x(t),
 * z' = −[∂ₓu]ᵀz and θ̄' = −[∂θu]ᵀz, integrated from t1 back to 0 (z(t1) = x̄(t1), θ̄(t1) = 0) by DOPRI5 with the
 * options' adjoint tolerances, on the augmented state (x, z, θ̄) with x re-integrated backwards alongside
 * (x' = u(x, θ) run in reverse, as in Chen et al., "Neural ODEs", 2018). x̄₀ = z(0) and ∇θ = θ̄(0). Each evaluation
 * of the augmented field is one recorded u and one pullback ({@link AD#vjp}).
 *
 * <p>Memory is independent of the number of steps: the backward sweep holds the augmented state, its seven
 * stages and the outputs, nothing per step. The price is that x(t) is recomputed backwards rather than stored,
 * which fails when the backward flow is unstable (a stiff, strongly contracting forward flow: errors in a mode
 * decaying like e^{−λt} grow like e^{λt} backwards). At every output time, and at the m checkpoint times of
 * {@link OdeOptions#withAdjointCheckpoints}, x is reset to the stored forward value, and the recomputed x is
 * compared with it first: more than {@link #DRIFT_LIMIT} tolerances apart is an {@link OdeException}. Forward mode (jvp) through ADJOINT
 * differentiates the adaptive solver itself (that is what customVjp does), with its step sizes as constants.
 */
final class Adjoint {
    private Adjoint() {}

    /**
     * The drift allowed between x re-integrated backwards to the start of an interval and the forward solution
     * there, in units of the adjoint tolerances (the RMS of (x_back − x)/(atol + rtol·|x|)). A backward flow that is
     * merely inaccurate stays within tens of tolerances; an unstable one (a stiff, strongly contracting forward
     * flow) leaves by orders of magnitude, and its gradient is wrong.
     */
    static final double DRIFT_LIMIT = 1e3;

    /**
     * The outputs (one tensor: x(t) for one time, stacked along a new first axis for several). With adjoint
     * checkpoints, the forward solve also keeps x at the checkpoint times, where the backward sweep restarts x.
     */
    static Tensor solve(BiFunction<Tensor, Tensor, Tensor> u, Tensor x0, Tensor theta, double[] times,
                        OdeOptions o) {
        double[] grid = grid(times, o.adjointCheckpoints());
        Function<Tensor[], Tensor> f = xs -> Ode.pack(Forward.run(u, xs[0], xs[1], grid, o));
        Tensor all = AD.customVjp(f, (in, out, ct) -> pullback(u, in[0], in[1], grid, out, ct, o))
                .apply(new Tensor[] {x0, theta});
        if (grid.length == times.length) return all;
        int[] rows = new int[times.length];
        for (int j = 0, g = 0; j < times.length; j++) {
            while (grid[g] != times[j]) g++;
            rows[j] = g;
        }
        Tensor picked = Ops.take(all, rows, 0);
        return times.length == 1 ? picked.reshape(x0.shape()) : picked;
    }

    /** The output times merged with m − 1 equally spaced checkpoint times in (0, t_last). */
    static double[] grid(double[] times, int m) {
        double last = times[times.length - 1];
        java.util.TreeSet<Double> all = new java.util.TreeSet<>();
        for (double t : times) all.add(t);
        for (int i = 1; i < m; i++) all.add(last * i / m);
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** {x̄₀, θ̄} from the cotangent of the outputs. */
    static Tensor[] pullback(BiFunction<Tensor, Tensor, Tensor> u, Tensor x0, Tensor theta, double[] times, Tensor out,
                             Tensor ct, OdeOptions o) {
        int m = times.length;
        Tensor x = m == 1 ? out : row(out, m - 1);
        Tensor z = m == 1 ? ct : row(ct, m - 1);
        Tensor thetaBar = Tensor.zeros(theta.shape());
        Field field = augmented(u, theta);
        for (int j = m - 1; j >= 0; j--) {
            double hi = times[j];
            double lo = j > 0 ? times[j - 1] : 0;
            Tensor known = j > 0 ? row(out, j - 1) : x0;
            if (hi > lo) {
                Tensor[][] end = new Tensor[1][];
                Adaptive.integrate(field, new Tensor[] {x, z, thetaBar}, new double[] {hi - lo}, o.adjointRtol(),
                        o.adjointAtol(), o.maxSteps(), (i, y) -> {
                            end[0] = y;
                            return y;
                        }, new Adaptive.Clock("ode adjoint", s -> hi - s));
                checkDrift(end[0][0], known, hi, lo, o);
                z = end[0][1];
                thetaBar = end[0][2];
            }
            if (j > 0) {
                x = known;
                z = z.add(row(ct, j - 1));
            }
        }
        return new Tensor[] {z, thetaBar};
    }

    /** Throws when x re-integrated backwards from hi landed more than {@link #DRIFT_LIMIT} tolerances off at lo. */
    private static void checkDrift(Tensor back, Tensor known, double hi, double lo, OdeOptions o) {
        double[] b = Dopri5.values(back);
        double[] k = Dopri5.values(known);
        if (b == null || k == null) return;
        double sum = 0;
        for (int i = 0; i < b.length; i++) {
            double q = (b[i] - k[i]) / (o.adjointAtol() + o.adjointRtol() * Math.abs(k[i]));
            sum += q * q;
        }
        double drift = b.length == 0 ? 0 : Math.sqrt(sum / b.length);
        if (!(drift <= DRIFT_LIMIT)) {
            throw new OdeException(String.format(java.util.Locale.ROOT, "ode adjoint: x re-integrated backwards from "
                    + "t = %s to t = %s came back %.3g tolerances away from the forward solution (limit %.0f): the "
                    + "backward flow is unstable (a stiff or strongly contracting system), so the adjoint gradient "
                    + "would be wrong; restart x from stored states with withAdjointCheckpoints(m), or use "
                    + "Gradient.DISCRETE", hi, lo, drift, DRIFT_LIMIT), lo, 0);
        }
    }

    private static Tensor row(Tensor stacked, int j) {
        return Ops.slice(stacked, 0, j, j + 1).reshape(shapeOf(stacked));
    }

    /**
     * The augmented field in reversed time s = t_hi − t: (x, z, θ̄)' = (−u, [∂ₓu]ᵀz, [∂θu]ᵀz), one recorded
     * evaluation of u and one pullback.
     */
    private static Field augmented(BiFunction<Tensor, Tensor, Tensor> u, Tensor theta) {
        return y -> {
            VjpOf<Tensor[], Tensor> r = AD.vjp((Tensor[] a) -> Ode.derivative(u, a[0], a[1]), new Tensor[] {y[0], theta});
            Tensor[] g = r.pullback(y[1]);
            Tensor gx = g[0] != null ? g[0] : Tensor.zeros(y[0].shape());
            Tensor gt = g[1] != null ? g[1] : Tensor.zeros(theta.shape());
            return new Tensor[] {r.value().neg(), gx, gt};
        };
    }

    /** The shape of one output of a stack of outputs (drops the first axis). */
    private static int[] shapeOf(Tensor stacked) {
        int[] s = stacked.shape();
        return java.util.Arrays.copyOfRange(s, 1, s.length);
    }
}
