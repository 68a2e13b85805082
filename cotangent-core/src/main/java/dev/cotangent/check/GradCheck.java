package dev.cotangent.check;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Gradient checking: does AD compute the derivative of {@code f}? Use it to test a function you wrote, or a
 * derivative rule you added. Each check compares two independent computations of one quantity.
 *
 * <ul>
 *   <li>{@link #jvp}: forward mode ∂f(x)·v against fourth-order central {@link FiniteDifferences}
 *       (checks the JVP rules against the function's values).</li>
 *   <li>{@link #dotProduct}: reverse mode against forward mode by the dot-product (adjoint) test
 *       ⟨u, ∂f(x)·v⟩ = ⟨∂f(x)ᵀu, v⟩ for random u, v (checks each VJP rule is the transpose of its JVP rule).</li>
 *   <li>{@link #hvpModes}: second order, forward-over-reverse ∂/∂ε ∇g(x + εv) against reverse-over-reverse
 *       ∇⟨∇g(x), v⟩ for a scalar g.</li>
 *   <li>{@link #hvp}: second order against finite differences of the gradient, [∇g(x + hv) − ∇g(x − hv)]/2h
 *       (catches a rule that has the right value but the wrong derivative, e.g. one written with
 *       stopGradient, which the two AD modes would agree on).</li>
 * </ul>
 * Points must be away from kinks and domain boundaries by more than 2·h·|v| (see {@link FiniteDifferences}).
 * For a function of several tensors, check its {@link Packing#packed packed} form.
 *
 * <pre>{@code
 * GradCheck.assertAll(x -> x.sin().mul(x).sum(), Tensor.of(0.3, 1.2), new SplittableRandom(1));
 * }</pre>
 */
public final class GradCheck {
    private GradCheck() {}

    /** Forward mode against finite differences: AD.jvp(f, x, v).tangent ≈ ∂f(x)·v. */
    public static CheckResult jvp(Function<Tensor, Tensor> f, Tensor x, Tensor v, Tolerance tol) {
        Tensor ad = AD.jvp(f, x, v).tangent();
        Tensor fd = FiniteDifferences.directional(f, x, v);
        return tol.compare("jvp vs finite differences", fd.value(), ad.value());
    }

    /**
     * The dot-product test ⟨u, J v⟩ = ⟨Jᵀu, v⟩ with J v from {@link AD#jvp} and Jᵀu from the pullback of
     * {@link AD#vjp}. The tolerance's relative part applies to |u|·|Jv| + |Jᵀu|·|v|, a bound on both sides that
     * does not vanish when the inner products cancel.
     */
    public static CheckResult dotProduct(Function<Tensor, Tensor> f, Tensor x, Tensor u, Tensor v, Tolerance tol) {
        Tensor jv = AD.jvp(f, x, v).tangent();
        Tensor jtu = AD.vjp(f, x).pullback(u);
        if (!jtu.dims().equals(x.dims())) {
            return new CheckResult("vjp vs jvp (dot-product test)", false, Double.POSITIVE_INFINITY, 0,
                    "the pullback returned shape " + jtu.dims() + " for an input of shape " + x.dims());
        }
        double lhs = dot(u.value(), jv.value());
        double rhs = dot(jtu.value(), v.value());
        double scale = norm(u.value()) * norm(jv.value()) + norm(jtu.value()) * norm(v.value());
        return tol.compare("vjp vs jvp (dot-product test <u, Jv> = <J^T u, v>)", lhs, rhs, scale);
    }

    /** Second order by the two AD routes, for a scalar g: forward-over-reverse against reverse-over-reverse. */
    public static CheckResult hvpModes(Function<Tensor, Tensor> g, Tensor x, Tensor v, Tolerance tol) {
        Tensor forwardOverReverse = AD.jvp(AD.grad(g), x, v).tangent();
        Tensor reverseOverReverse = AD.grad((Tensor y) -> Ops.sum(Ops.mul(AD.grad(g).apply(y), v))).apply(x);
        return tol.compare("hvp: forward-over-reverse vs reverse-over-reverse", reverseOverReverse.value(),
                forwardOverReverse.value());
    }

    /** Second order against finite differences of the AD gradient: ∇²g(x)·v ≈ ∂/∂ε ∇g(x + εv). */
    public static CheckResult hvp(Function<Tensor, Tensor> g, Tensor x, Tensor v, Tolerance tol) {
        Tensor ad = AD.hvp(g, x, v);
        Tensor fd = FiniteDifferences.directional(AD.grad(g), x, v);
        return tol.compare("hvp vs finite differences of the gradient", fd.value(), ad.value());
    }

    /**
     * Every check at x, with directions drawn uniformly from [−1, 1] by {@code rng}. For the second-order
     * checks a non-scalar f is reduced to g(x) = ⟨w, f(x)⟩ with a random w.
     */
    public static List<CheckResult> all(Function<Tensor, Tensor> f, Tensor x, RandomGenerator rng) {
        Tensor v = random(rng, x.shape());
        Tensor y = f.apply(Tensor.from(x.value()));
        Tensor u = random(rng, y.shape());
        Tensor w = random(rng, y.shape());
        Function<Tensor, Tensor> g = y.rank() == 0 ? f : z -> Ops.sum(Ops.mul(f.apply(z), w));
        List<CheckResult> out = new ArrayList<>();
        out.add(jvp(f, x, v, Tolerance.FINITE_DIFFERENCES));
        out.add(dotProduct(f, x, u, v, Tolerance.ROUNDING));
        out.add(hvpModes(g, x, v, new Tolerance(1e-9, 1e-11)));
        out.add(hvp(g, x, v, Tolerance.FINITE_DIFFERENCES));
        return out;
    }

    /** Runs {@link #all} and throws an {@link AssertionError} listing every failed check. */
    public static void assertAll(Function<Tensor, Tensor> f, Tensor x, RandomGenerator rng) {
        List<CheckResult> results = all(f, x, rng);
        StringBuilder sb = new StringBuilder();
        for (CheckResult r : results) if (!r.passed()) sb.append("\n  ").append(r);
        if (sb.length() > 0) throw new AssertionError("gradient check failed at x = " + x.value() + ":" + sb);
    }

    /** A concrete tensor of the given shape with entries uniform in [−1, 1). */
    public static Tensor random(RandomGenerator rng, int... dims) {
        return Tensor.from(NDArray.uniform(rng, -1, 1, dims));
    }

    static double dot(NDArray a, NDArray b) {
        double[] x = a.unsafeData();
        double[] y = b.unsafeData();
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }

    static double norm(NDArray a) {
        return Math.sqrt(dot(a, a));
    }
}
