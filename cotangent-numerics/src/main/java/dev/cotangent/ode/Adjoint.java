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
 * which loses accuracy when the backward flow is unstable (a strongly contracting forward flow, e.g. x' = −λx with
 * λt1 ≫ 1): the recomputed x drifts from the true trajectory. At every output time x is reset to the stored
 * forward value, so several output times also bound that drift. Forward mode (jvp) through ADJOINT
 * differentiates the adaptive solver itself (that is what customVjp does), with its step sizes as constants.
 */
final class Adjoint {
    private Adjoint() {}

    /** The outputs (one tensor: x(t) for one time, stacked along a new first axis for several). */
    static Tensor solve(BiFunction<Tensor, Tensor, Tensor> u, Tensor x0, Tensor theta, double[] times,
                        OdeOptions o) {
        Function<Tensor[], Tensor> f = xs -> Ode.pack(Forward.run(u, xs[0], xs[1], times, o));
        return AD.customVjp(f, (in, out, ct) -> pullback(u, in[1], times, out, ct, o)).apply(new Tensor[] {x0, theta});
    }

    /** {x̄₀, θ̄} from the cotangent of the outputs. */
    static Tensor[] pullback(BiFunction<Tensor, Tensor, Tensor> u, Tensor theta, double[] times, Tensor out,
                             Tensor ct, OdeOptions o) {
        int m = times.length;
        Tensor x = m == 1 ? out : Ops.slice(out, 0, m - 1, m).reshape(shapeOf(out));
        Tensor z = m == 1 ? ct : Ops.slice(ct, 0, m - 1, m).reshape(shapeOf(ct));
        Tensor thetaBar = Tensor.zeros(theta.shape());
        Field field = augmented(u, theta);
        for (int j = m - 1; j >= 0; j--) {
            double hi = times[j];
            double lo = j > 0 ? times[j - 1] : 0;
            if (hi > lo) {
                Tensor[][] end = new Tensor[1][];
                Adaptive.integrate(field, new Tensor[] {x, z, thetaBar}, new double[] {hi - lo}, o.adjointRtol(),
                        o.adjointAtol(), o.maxSteps(), (i, y) -> {
                            end[0] = y;
                            return y;
                        }, new Adaptive.Clock("ode adjoint", s -> hi - s));
                z = end[0][1];
                thetaBar = end[0][2];
            }
            if (j > 0) {
                x = Ops.slice(out, 0, j - 1, j).reshape(shapeOf(out));
                z = z.add(Ops.slice(ct, 0, j - 1, j).reshape(shapeOf(ct)));
            }
        }
        return new Tensor[] {z, thetaBar};
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
