package dev.cotangent.ot;

import dev.cotangent.Tensor;
import dev.cotangent.implicit.ConvergenceException;
import dev.cotangent.implicit.Implicit;

/** Sinkhorn's loop, and the two ways of differentiating its result (see {@link Sinkhorn}). */
final class Iterations {
    private Iterations() {}

    /** Scaled potentials after {@code iterations} (column, row) update pairs, and the marginal error of the pair. */
    record State(Tensor phi, Tensor gamma, int iterations, double error) {}

    /**
     * Starting from γ = 0, φ = rows(γ), repeats γ' = columns(φ), φ' = rows(γ') until the marginal error of (φ, γ),
     * read from γ', is within the tolerance (or for exactly {@code o.iterations()} pairs). With traced inputs the
     * ops are recorded, which is the UNROLLED gradient.
     */
    static State loop(LogDomain d, double[] b, Sinkhorn.Options o, String who) {
        Tensor gamma = Tensor.zeros(b.length);
        Tensor phi = d.rows(gamma);
        double[] gammaValues = new double[b.length];
        for (int k = 0; ; k++) {
            Tensor next = d.columns(phi);
            double[] nextValues = next.toArray();
            double err = LogDomain.columnError(b, gammaValues, nextValues);
            if (o.iterations() > 0) {
                if (k == o.iterations()) return new State(phi, gamma, k, err);
            } else {
                if (!Double.isFinite(err)) {
                    throw new ConvergenceException(who, k, Double.NaN, "the marginal error is NaN or ∞ (ε too small "
                            + "for the cost's scale, or non-finite entries in C?)");
                }
                if (err <= o.tolerance()) return new State(phi, gamma, k, err);
                if (k >= o.maxIterations()) {
                    throw new ConvergenceException(who, k, err, "relative marginal error " + err + " > " + o.tolerance()
                            + " at the iteration limit; a small ε converges slowly (Sinkhorn.Options.withMaxIterations)"
                            + ", and below ~1e-15/ε the error is rounding (withTolerance)");
                }
            }
            phi = d.rows(next);
            gamma = next;
            gammaValues = nextValues;
        }
    }

    static Sinkhorn.Solution unrolled(LogDomain d, Tensor b, double eps, Sinkhorn.Options o) {
        State s = loop(d, b.toArray(), o, "Sinkhorn (UNROLLED)");
        return new Sinkhorn.Solution(s.phi().mul(eps), s.gamma().mul(eps), d.plan(s.phi(), s.gamma()), s.iterations(),
                s.error());
    }

    /**
     * f* = ε φ* as the root of F(f) = T̃(f) − f, T̃(f) = T(f) − mean T(f), T(f) = ε rows(columns(f/ε)); the parameters
     * are (log a, log b, −C/ε, −Cᵀ/ε), computed with ops outside, so derivatives reach a, b and C through them.
     */
    static Sinkhorn.Solution implicit(LogDomain d, Tensor b, double eps, Sinkhorn.Options o) {
        double[] bv = b.toArray();
        State[] last = new State[1];
        Implicit.Parametric map = (f, th) -> {
            LogDomain p = new LogDomain(th[0], th[1], th[2], th[3]);
            Tensor t = p.rows(p.columns(f.div(eps))).mul(eps);
            return t.sub(t.mean()).sub(f);
        };
        Implicit.Parametric solver = (f0, th) -> {
            last[0] = loop(new LogDomain(th[0], th[1], th[2], th[3]), bv, o, "Sinkhorn (IMPLICIT)");
            Tensor f = last[0].phi().mul(eps);
            return f.sub(f.mean());
        };
        dev.cotangent.implicit.Options io = o.iterations() > 0
                ? o.implicit().withResidualCheck(Double.POSITIVE_INFINITY) : o.implicit();
        Tensor f = Implicit.root(map, solver, Tensor.zeros(d.logA().size()),
                new Tensor[] {d.logA(), d.logB(), d.m(), d.mT()}, false, io);
        Tensor phi = f.div(eps);
        Tensor gamma = d.columns(phi);
        return new Sinkhorn.Solution(f, gamma.mul(eps), d.plan(phi, gamma), last[0].iterations(), last[0].error());
    }
}
